package bhr.assistant.kb;

import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The front matter's {@code sources:} map (KB-FORMAT.md), read strictly: every key names a source with exactly a
 * title, publisher, date and https url, so a passage never cites half a source.
 */
final class SourceList {

    static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("title", "publisher", "date", "url");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SourceList() {
    }

    /** @param entries the YAML value under "sources", already turned to strings where it holds scalars */
    static Map<String, Source> read(Object entries) throws InvalidDocumentException {
        if (!(entries instanceof Map<?, ?> map)) {
            throw new InvalidDocumentException("'sources' must map each source key to its title, publisher, date and url");
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey()).strip();
            if (!KEY.matcher(key).matches()) {
                throw new InvalidDocumentException("source key '" + key + "' must be lowercase letters, digits and '-'");
            }
            if (!(entry.getValue() instanceof Map<?, ?> fields)) {
                throw new InvalidDocumentException("source '" + key + "' must have title, publisher, date and url");
            }
            sources.put(key, source(key, fields));
        }
        return sources;
    }

    private static Source source(String key, Map<?, ?> fields) throws InvalidDocumentException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> field : fields.entrySet()) {
            String name = String.valueOf(field.getKey()).strip().toLowerCase();
            if (!FIELDS.contains(name)) {
                throw new InvalidDocumentException("source '" + key + "' has unknown field '" + name + "' (expected " + FIELDS + ")");
            }
            Object value = field.getValue();
            if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                throw new InvalidDocumentException("source '" + key + "': '" + name + "' must be a single value");
            }
            values.put(name, value == null ? "" : FrontMatter.scalar(value).strip());
        }
        for (String name : new String[] {"title", "publisher", "date", "url"}) {
            if (values.getOrDefault(name, "").isEmpty()) {
                throw new InvalidDocumentException("source '" + key + "' is missing '" + name + "'");
            }
        }
        String date = values.get("date");
        if (!isValidDate(date)) {
            throw new InvalidDocumentException("source '" + key + "' has date '" + date + "': use YYYY-MM-DD, YYYY-MM or YYYY");
        }
        String url = values.get("url");
        if (!isHttpsUrl(url)) {
            throw new InvalidDocumentException("source '" + key + "' has url '" + url + "': it must be an https address");
        }
        return new Source(values.get("title"), values.get("publisher"), date, url);
    }

    /** YYYY-MM-DD, YYYY-MM or YYYY, naming a real day or month. */
    static boolean isValidDate(String date) {
        try {
            if (DAY.matcher(date).matches()) {
                LocalDate.parse(date);
                return true;
            }
            if (YEAR_MONTH.matcher(date).matches()) {
                YearMonth.parse(date);
                return true;
            }
            return YEAR.matcher(date).matches();
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }
}
