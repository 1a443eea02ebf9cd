package bhr.assistant.kb;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DOCX through Apache POI: paragraphs styled "Heading N" (or "Judul N") start sections; tables are read row by row.
 *
 * <p>A DOCX is a ZIP of XML parts that POI loads whole into memory, where XML takes about twelve times its size
 * (measured: a 10.8 MB document.xml held 132 MB of heap). POI's zip-bomb limits are therefore set so that no
 * part may expand beyond {@link #MAX_PART_BYTES} (a 1.7 MB file holding 95 MB of XML used to run the heap out),
 * besides POI's own minimum compression ratio; and the text is capped like every format's.
 */
final class DocxParser implements DocumentParser {

    private static final Pattern HEADING_STYLE = Pattern.compile("(?:heading|judul)\\s*(\\d)", Pattern.CASE_INSENSITIVE);
    static final long MAX_PART_BYTES = 10L * 1024 * 1024;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(content))) {
            SectionCollector collector = new SectionCollector();
            long characters = 0;
            for (IBodyElement element : docx.getBodyElements()) {
                characters += element instanceof XWPFParagraph paragraph ? paragraph.getText().length()
                        : element instanceof XWPFTable table ? table.getText().length() : 0;
                if (characters > ContentLimits.MAX_TEXT_CHARACTERS) {
                    throw ContentLimits.tooMuchText(characters);
                }
                if (element instanceof XWPFParagraph paragraph) {
                    int level = headingLevel(docx, paragraph);
                    if (level > 0 && !paragraph.getText().isBlank()) {
                        collector.heading(level, paragraph.getText());
                    } else {
                        collector.paragraph(paragraph.getText());
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        StringBuilder line = new StringBuilder();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            if (!cell.getText().isBlank()) {
                                line.append(line.length() > 0 ? "; " : "").append(cell.getText().strip());
                            }
                        }
                        collector.paragraph(line.toString());
                    }
                }
            }
            Map<String, String> metadata = new HashMap<>();
            String title = docx.getProperties().getCoreProperties().getTitle();
            if (title != null && !title.isBlank()) {
                metadata.put("title", title.strip());
            }
            return new ParsedContent(metadata, collector.finish());
        } catch (IOException | RuntimeException e) {
            // POI signals a non-DOCX or damaged package with several unchecked exceptions as well as IOException.
            if (isTooLarge(e)) {
                throw new InvalidDocumentException("the DOCX expands to more than its content could need (a part larger than "
                        + MAX_PART_BYTES / (1024 * 1024) + " MB once unpacked, or packed unusually tightly: a 'zip bomb'); "
                        + "split the document or save it as PDF", e);
            }
            throw new InvalidDocumentException("not a readable DOCX file (damaged or not a Word document): " + e.getClass().getSimpleName(), e);
        }
    }

    /** POI's zip-bomb refusals ("Zip bomb detected!") and its allocation limit (RecordFormatException). */
    private static boolean isTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordFormatException || (cause.getMessage() != null && cause.getMessage().contains("Zip bomb"))) {
                return true;
            }
        }
        return false;
    }

    private static int headingLevel(XWPFDocument docx, XWPFParagraph paragraph) {
        String styleId = paragraph.getStyleID();
        if (styleId == null) {
            return 0;
        }
        if (styleId.equalsIgnoreCase("Title")) {
            return 1;
        }
        String name = styleId;
        XWPFStyle style = docx.getStyles() == null ? null : docx.getStyles().getStyle(styleId);
        if (style != null && style.getName() != null) {
            name = style.getName();
        }
        Matcher matcher = HEADING_STYLE.matcher(name.toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            matcher = HEADING_STYLE.matcher(styleId);
            if (!matcher.find()) {
                return 0;
            }
        }
        return Integer.parseInt(matcher.group(1));
    }
}
