package bhr.assistant.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a document was refused, in the admin's language. The checks (kb/, update/) give their reasons in English for
 * the HTTP admin API; in Telegram an Indonesian admin reads them in Indonesian. Each reason the checks give is
 * matched here and said again from the message bundle (reason.*), with its details (a field name, a value) kept;
 * a reason not known here is shown as it is.
 */
final class RefusalReasons {

    private record Known(Pattern pattern, String key) {
    }

    private static final Pattern METADATA = Pattern.compile("invalid metadata: (.*)", Pattern.DOTALL);

    /** The checks' reasons, as kb.DocumentMetadata, kb.DocumentReader, kb.FrontMatter, the parsers and kb.ContentCheck word them. */
    private static final List<Known> KNOWN = List.of(
            known("missing '(\\w+)'", "reason.missing"),
            known("invalid id '(.*)': use lowercase letters, digits and '-'", "reason.invalidId"),
            known("unknown kind '(.*)' \\(expected one of \\[(.*)\\]\\)", "reason.unknownKind"),
            known("unknown language '(.*)' \\(expected id or en\\)", "reason.unknownLanguage"),
            known("malformed url '(.*)'", "reason.malformedUrl"),
            known("unknown status '(.*)' \\(expected one of \\[(.*)\\]\\)", "reason.unknownStatus"),
            known("'(\\w+)' must be YYYY-MM-DD", "reason.date"),
            known("the file is empty", "reason.empty"),
            known("the file says id '(.*)' but it is being stored as '(.*)'", "reason.idMismatch"),
            known("unknown 'Pihak:' values \\[(.*)\\] \\(known: \\[(.*)\\]\\)", "reason.unknownActors"),
            known("no text found in the PDF.*", "reason.scannedPdf"),
            known("no text found in the document", "reason.noText"),
            known("PDF is password-protected", "reason.passwordPdf"),
            known("not a readable PDF.*", "reason.unreadablePdf"),
            known("not a readable DOCX file.*", "reason.unreadableDocx"),
            known("not readable HTML.*", "reason.unreadableHtml"),
            known("text is not valid UTF-8", "reason.notUtf8"),
            known("front matter starts with '---' but has no closing '---' line", "reason.frontMatterOpen"),
            known("front matter is not valid YAML.*", "reason.frontMatterYaml"),
            known("front matter must be 'key: value' lines", "reason.frontMatterLines"),
            known("declared application/pdf, but the content is not a PDF", "reason.notPdf"),
            known("declared DOCX, but the content is not a DOCX \\(ZIP\\) package", "reason.notDocx"),
            known("declared (\\S+), but the content is binary.*", "reason.binary"),
            known("a compilation has no 'url' of its own.*", "reason.compilationUrl"),
            known("'compilation' must be true or false, not '(.*)'", "reason.compilationValue"),
            known("the PDF is incomplete.*", "reason.incompletePdf"),
            known("page (\\d+) of (\\d+) of the PDF cannot be read.*", "reason.unreadablePage"),
            known("the PDF is damaged.*", "reason.damagedPdf"),
            known("the DOCX expands to more than its content could need.*", "reason.zipBomb"),
            known("the document holds .* characters of text; at most (\\d+) .*", "reason.tooMuchText"),
            known("metadata '(.*)' is (\\d+) characters long.*", "reason.longField"),
            known("front matter uses .*", "reason.yamlTags"),
            known("front matter key '(.*)' must be a single value.*", "reason.singleValue"),
            known("section '(.*)' names source '(.*)' on its 'Sumber:' line, but .*", "reason.undefinedSource"),
            known("section '(.*)' has 'Per: .*", "reason.asOf"),
            known("'sources' must map .*", "reason.sources"),
            known("source '([^']*)'.*", "reason.source"));

    private RefusalReasons() {
    }

    static String say(String reason, TelegramMessages ui) {
        if (reason == null || reason.isBlank()) {
            return ui.get("reason.unknown");
        }
        Matcher metadata = METADATA.matcher(reason.strip());
        if (metadata.matches()) {
            List<String> problems = new ArrayList<>();
            for (String problem : metadata.group(1).split("; ")) {
                problems.add(one(problem, ui));
            }
            return ui.get("reason.metadata", String.join("; ", problems));
        }
        return one(reason.strip(), ui);
    }

    private static String one(String reason, TelegramMessages ui) {
        for (Known known : KNOWN) {
            Matcher match = known.pattern().matcher(reason);
            if (match.matches()) {
                Object[] details = new Object[match.groupCount()];
                for (int i = 0; i < details.length; i++) {
                    String detail = match.group(i + 1);
                    details[i] = detail.matches("\\d{1,18}") ? (Object) Long.parseLong(detail) : detail; // numbers as the language writes them
                }
                return ui.get(known.key(), details);
            }
        }
        return reason;
    }

    private static Known known(String regex, String key) {
        return new Known(Pattern.compile(regex, Pattern.DOTALL), key);
    }
}
