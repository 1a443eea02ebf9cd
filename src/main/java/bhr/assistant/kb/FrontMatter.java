package bhr.assistant.kb;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

/**
 * Splits a leading "---" YAML block off a text file and reads it: single values as string metadata, and the
 * {@code sources:} map (KB-FORMAT.md) as {@link Source}s by key. Any other list or map is refused.
 */
final class FrontMatter {

    static final String SOURCES = "sources";

    /** What a front matter says: its single-valued fields, and its sources by key (empty when it has none). */
    record Values(Map<String, String> metadata, Map<String, Source> sources) {

        static final Values NONE = new Values(Map.of(), Map.of());

        Values {
            metadata = Map.copyOf(metadata);
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    record Split(Values values, String body) {

        Map<String, String> metadata() {
            return values.metadata();
        }

        Map<String, Source> sources() {
            return values.sources();
        }
    }

    private FrontMatter() {
    }

    static Split split(String text) throws InvalidDocumentException {
        String normalized = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
        List<String> lines = normalized.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return new Split(Values.NONE, normalized);
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                String yaml = String.join("\n", lines.subList(1, i));
                String body = String.join("\n", lines.subList(i + 1, lines.size()));
                return new Split(read(yaml), body);
            }
        }
        throw new InvalidDocumentException("front matter starts with '---' but has no closing '---' line");
    }

    static Values read(String yaml) throws InvalidDocumentException {
        PlainYaml.check(yaml);
        Object loaded;
        try {
            LoaderOptions options = new LoaderOptions();
            loaded = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new WrittenScalars()).load(yaml);
        } catch (YAMLException e) {
            // Authors write "title: Bisnis dan HAM: Panduan" naturally; YAML rejects the second colon. Every
            // line being "key: value" is unambiguous, so read it that way before refusing the file.
            Map<String, String> plain = readPlainLines(yaml).orElseThrow(() ->
                    new InvalidDocumentException("front matter is not valid YAML: " + firstLine(e.getMessage()) + where(e), e));
            return new Values(plain, Map.of());
        }
        if (loaded == null) {
            return Values.NONE;
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidDocumentException("front matter must be 'key: value' lines");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Source> sources = Map.of();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey()).strip().toLowerCase();
            Object value = entry.getValue();
            if (key.equals(SOURCES)) {
                sources = SourceList.read(value);
            } else if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
                throw new InvalidDocumentException("front matter key '" + key + "' must be a single value, not a list or map");
            } else {
                values.put(key, value == null ? "" : scalar(value));
            }
        }
        return new Values(values, sources);
    }

    /** A YAML scalar as the author wrote it (see {@link WrittenScalars}). */
    static String scalar(Object value) {
        return String.valueOf(value);
    }

    /**
     * Reads every plain scalar as the text written, except an empty one or "~" (null). SnakeYAML's default
     * would turn 2023-13-01 leniently into 2024-01-01 and 2023-09-26 into a time stamp; our checks want the text.
     */
    private static final class WrittenScalars extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static final Pattern PLAIN_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)\\s*:\\s*(.*?)(?:\\s+#.*)?$");

    private static Optional<Map<String, String>> readPlainLines(String yaml) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : yaml.lines().toList()) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                return Optional.empty(); // nested YAML (a 'sources' map): reading it line by line would flatten it
            }
            Matcher matcher = PLAIN_LINE.matcher(line.strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            values.put(matcher.group(1).toLowerCase(), matcher.group(2).strip());
        }
        return Optional.of(values);
    }

    /** " (front matter line N)" where SnakeYAML marked the problem; a quote around a value with ': ' is the usual fix. */
    private static String where(YAMLException e) {
        return e instanceof MarkedYAMLException marked && marked.getProblemMark() != null
                ? " (front matter line " + (marked.getProblemMark().getLine() + 1) + ")"
                : "";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
