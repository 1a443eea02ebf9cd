package bhr.assistant.kb;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** PDF through PDFBox: each page is read on its own so that its number becomes the passage locator. */
final class PdfParser implements DocumentParser {

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            SectionCollector collector = new SectionCollector();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                collector.locator("Halaman " + page);
                RegulationHeadings.collect(stripper.getText(pdf).lines().toList(), collector);
            }
            return new ParsedContent(info(pdf), collector.finish());
        } catch (InvalidPasswordException e) {
            throw new InvalidDocumentException("PDF is password-protected", e);
        } catch (IOException e) {
            throw new InvalidDocumentException("not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> info(PDDocument pdf) {
        Map<String, String> metadata = new HashMap<>();
        PDDocumentInformation information = pdf.getDocumentInformation();
        if (information != null && information.getTitle() != null && !information.getTitle().isBlank()) {
            metadata.put("title", information.getTitle().strip());
        }
        return metadata;
    }
}
