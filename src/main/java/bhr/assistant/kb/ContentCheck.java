package bhr.assistant.kb;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks that an upload's bytes are what its declared type says, before any parser sees them: a PDF starts
 * with "%PDF-", a DOCX is a ZIP package, and text formats are text (no NUL bytes). The reason is for the admin.
 */
public final class ContentCheck {

    private ContentCheck() {
    }

    public static Optional<String> mismatch(DocumentFormat declared, byte[] content) {
        if (content.length == 0) {
            return Optional.of("the file is empty");
        }
        boolean pdf = startsWith(content, "%PDF-");
        boolean zip = startsWith(content, "PK\u0003\u0004");
        boolean binary = pdf || zip || containsNul(content);
        return switch (declared) {
            case PDF -> pdf ? Optional.empty() : Optional.of("declared application/pdf, but the content is not a PDF");
            case DOCX -> zip ? Optional.empty() : Optional.of("declared DOCX, but the content is not a DOCX (ZIP) package");
            case MARKDOWN, TEXT, HTML -> binary
                    ? Optional.of("declared " + declared.contentType() + ", but the content is binary"
                    + (pdf ? " (a PDF)" : zip ? " (a ZIP/DOCX package)" : ""))
                    : Optional.empty();
        };
    }

    private static boolean startsWith(byte[] content, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        int offset = skipBom(content);
        if (content.length - offset < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (content[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int skipBom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
    }

    private static boolean containsNul(byte[] content) {
        int limit = Math.min(content.length, 64 * 1024);
        for (int i = 0; i < limit; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
