package bhr.assistant.kb;

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

/** DOCX through Apache POI: paragraphs styled "Heading N" (or "Judul N") start sections; tables are read row by row. */
final class DocxParser implements DocumentParser {

    private static final Pattern HEADING_STYLE = Pattern.compile("(?:heading|judul)\\s*(\\d)", Pattern.CASE_INSENSITIVE);

    @Override
    public ParsedContent parse(byte[] content) throws InvalidDocumentException {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(content))) {
            SectionCollector collector = new SectionCollector();
            for (IBodyElement element : docx.getBodyElements()) {
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
            throw new InvalidDocumentException("not a readable DOCX file: " + e.getClass().getSimpleName(), e);
        }
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
