package bhr.assistant.kb;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;

/** Splits a leading "---" YAML block off a text file and reads it as flat string metadata. */
final class FrontMatter {

    record Split(Map<String, String> metadata, String body) {
    }

    private FrontMatter() {
    }

    static Split split(String text) throws InvalidDocumentException {
        String normalized = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n");
        List<String> lines = normalized.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return new Split(Map.of(), normalized);
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

    static Map<String, String> read(String yaml) throws InvalidDocumentException {
        PlainYaml.check(yaml);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            // Authors write "title: Bisnis dan HAM: Panduan" naturally; YAML rejects the second colon. Every
            // line being "key: value" is unambiguous, so read it that way before refusing the file.
            return readPlainLines(yaml).orElseThrow(() ->
                    new InvalidDocumentException("front matter is not valid YAML: " + firstLine(e.getMessage()), e));
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new InvalidDocumentException("front matter must be 'key: value' lines");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Date date) {
                // SnakeYAML reads 2023-09-26 as a timestamp at UTC midnight; keep the calendar date.
                value = date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            }
            values.put(String.valueOf(entry.getKey()).strip().toLowerCase(), value == null ? "" : String.valueOf(value));
        }
        return values;
    }

    private static final Pattern PLAIN_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)\\s*:\\s*(.*?)(?:\\s+#.*)?$");

    private static Optional<Map<String, String>> readPlainLines(String yaml) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : yaml.lines().toList()) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher matcher = PLAIN_LINE.matcher(line.strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            values.put(matcher.group(1).toLowerCase(), matcher.group(2).strip());
        }
        return Optional.of(values);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
