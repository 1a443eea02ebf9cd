package bhr.assistant.kb;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The front matter of a knowledge-base document (CONTRACT.md, "Knowledge-base documents"; KB-FORMAT.md).
 * Optional fields are empty strings, never null.
 *
 * @param compilation our own compilation of several sources: it has no url of its own (it must not borrow an
 *                    official-looking link), and each of its sections names its sources
 */
public record DocumentMetadata(
        String id,
        String title,
        String kind,
        String language,
        String source,
        String url,
        String published,
        String status,
        String reviewed,
        boolean compilation) {

    public static final Set<String> KINDS = Set.of("regulation", "module", "guide", "faq", "reference");
    public static final Set<String> LANGUAGES = Set.of("id", "en");
    /** "berakhir": a plan whose period has ended (RANHAM 2021-2025) without being revoked (KB-FORMAT.md). */
    public static final Set<String> STATUSES = Set.of("berlaku", "dicabut", "rancangan", "berakhir", "referensi");
    public static final String DEFAULT_STATUS = "referensi";

    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public DocumentMetadata {
        id = clean(id);
        title = clean(title);
        kind = clean(kind).toLowerCase();
        language = clean(language).toLowerCase();
        source = clean(source);
        url = clean(url);
        published = clean(published);
        status = clean(status).isEmpty() ? DEFAULT_STATUS : clean(status).toLowerCase();
        reviewed = clean(reviewed);
    }

    /**
     * Builds metadata from loosely typed key/value pairs (front matter, query parameters, sidecar files);
     * {@code compilation} is true only for "true" (check it first with {@link #compilationProblem}).
     */
    public static DocumentMetadata fromMap(Map<String, String> values) {
        return new DocumentMetadata(
                values.get("id"), values.get("title"), values.get("kind"), values.get("language"),
                values.get("source"), values.get("url"), values.get("published"), values.get("status"),
                values.get("reviewed"), "true".equalsIgnoreCase(clean(values.get(COMPILATION))));
    }

    static final String COMPILATION = "compilation";

    /** A 'compilation' value other than true or false, which {@link #fromMap} would otherwise read as false. */
    static Optional<String> compilationProblem(Map<String, String> values) {
        String value = clean(values.get(COMPILATION));
        return value.isEmpty() || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                ? Optional.empty()
                : Optional.of("'compilation' must be true or false, not '" + value + "'");
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Every rule this metadata breaks, as human-readable reasons; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id.isEmpty()) {
            problems.add("missing 'id'");
        } else if (!isValidId(id)) {
            problems.add("invalid id '" + id + "': use lowercase letters, digits and '-'");
        }
        if (title.isEmpty()) {
            problems.add("missing 'title'");
        }
        if (!KINDS.contains(kind)) {
            problems.add(kind.isEmpty() ? "missing 'kind'" : "unknown kind '" + kind + "' (expected one of " + KINDS + ")");
        }
        if (!LANGUAGES.contains(language)) {
            problems.add(language.isEmpty() ? "missing 'language'" : "unknown language '" + language + "' (expected id or en)");
        }
        if (source.isEmpty()) {
            problems.add("missing 'source'");
        }
        if (compilation && !url.isEmpty()) {
            problems.add("a compilation has no 'url' of its own (remove it; each section's 'Sumber:' line cites its sources)");
        } else if (!compilation && url.isEmpty()) {
            problems.add("missing 'url'");
        } else if (!url.isEmpty() && !isWellFormedUrl(url)) {
            problems.add("malformed url '" + url + "'");
        }
        if (!STATUSES.contains(status)) {
            problems.add("unknown status '" + status + "' (expected one of " + STATUSES + ")");
        }
        if (!published.isEmpty() && !DATE.matcher(published).matches()) {
            problems.add("'published' must be YYYY-MM-DD");
        }
        if (!reviewed.isEmpty() && !DATE.matcher(reviewed).matches()) {
            problems.add("'reviewed' must be YYYY-MM-DD");
        }
        return problems;
    }

    static boolean isWellFormedUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
