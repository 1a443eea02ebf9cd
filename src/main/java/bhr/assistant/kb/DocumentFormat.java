package bhr.assistant.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats the knowledge base accepts, by file extension and by HTTP content type. */
public enum DocumentFormat {
    MARKDOWN("text/markdown", List.of(".md", ".markdown"), new MarkdownParser()),
    TEXT("text/plain", List.of(".txt"), new PlainTextParser()),
    PDF("application/pdf", List.of(".pdf"), new PdfParser()),
    HTML("text/html", List.of(".html", ".htm"), new HtmlParser()),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(".docx"), new DocxParser());

    private final String contentType;
    private final List<String> extensions;
    private final DocumentParser parser;

    DocumentFormat(String contentType, List<String> extensions, DocumentParser parser) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.parser = parser;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extensions.get(0);
    }

    DocumentParser parser() {
        return parser;
    }

    public static Optional<DocumentFormat> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(format -> format.extensions.stream().anyMatch(lower::endsWith))
                .findFirst();
    }

    /** Matches the media type of a Content-Type header, ignoring parameters such as charset. */
    public static Optional<DocumentFormat> fromContentType(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String mediaType = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.equals("text/x-markdown")) {
            return Optional.of(MARKDOWN);
        }
        return Arrays.stream(values()).filter(format -> format.contentType.equals(mediaType)).findFirst();
    }
}
