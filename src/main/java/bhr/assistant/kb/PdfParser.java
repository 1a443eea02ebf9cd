package bhr.assistant.kb;

import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * PDF through PDFBox: each page is read on its own so that its number becomes the passage locator.
 *
 * <p>Strict: an incomplete or damaged file is refused with the reason instead of being served with pages
 * missing. PDFBox's default (lenient) parser rebuilds a broken cross-reference table by scanning the file and
 * serves whatever pages it finds, so a PDF cut off at 50-97% used to be accepted with its last pages gone. Here
 * the file must end with its %%EOF marker, parse without that repair, and give text on every page it declares.
 */
final class PdfParser implements DocumentParser {

    /** The end-of-file marker must sit in the file's last bytes (PDFBox looks as far back by default). */
    private static final int EOF_LOOKUP = 2048;

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        if (!endsWithEofMarker(content)) {
            throw new InvalidDocumentException("the PDF is incomplete: it does not end with its %%EOF marker (the file was "
                    + "probably cut off while downloading or copying); upload the whole file");
        }
        PDDocument pdf;
        try {
            pdf = new PDFParser(new RandomAccessReadBuffer(content)).parse(false);
        } catch (InvalidPasswordException e) {
            throw new InvalidDocumentException("PDF is password-protected", e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidDocumentException("the PDF is damaged (" + firstLine(e.getMessage()) + "); save or export it again and upload that", e);
        }
        try (pdf) {
            SectionCollector collector = new SectionCollector();
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            long characters = 0;
            int pages = pdf.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text;
                try {
                    text = stripper.getText(pdf);
                } catch (IOException | RuntimeException e) {
                    throw new InvalidDocumentException("page " + page + " of " + pages + " of the PDF cannot be read ("
                            + firstLine(e.getMessage()) + "); the file is damaged", e);
                }
                characters += text.length();
                if (characters > ContentLimits.MAX_TEXT_CHARACTERS) {
                    throw ContentLimits.tooMuchText(characters);
                }
                collector.locator("Halaman " + page);
                RegulationHeadings.collect(text.lines().toList(), collector);
            }
            return new ParsedContent(info(pdf), collector.finish());
        } catch (IOException e) {
            throw new InvalidDocumentException("the PDF is damaged (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static boolean endsWithEofMarker(byte[] content) {
        int from = Math.max(0, content.length - EOF_LOOKUP);
        return new String(content, from, content.length - from, StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
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
