package bhr.assistant.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A word list from config/lexicon (packaged in the jar): "word&lt;TAB&gt;replacement" lines, '#' comments. Read
 * by the analyzers (stopwords, protected words) and by the query side (informal words, synonyms, common words).
 */
public final class Lexicon {

    private Lexicon() {
    }

    /** A plain word list (one word a line, '#' comments), lower-cased. */
    public static Set<String> words(String name) {
        return Set.copyOf(load(name).keySet());
    }

    /** Loads a list; a missing list is a packaging error and fails loudly rather than degrading answers. */
    public static Map<String, String> load(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream("/lexicon/" + name)) {
            if (in == null) {
                throw new IllegalStateException("word list lexicon/" + name + " is missing from the classpath");
            }
            Map<String, String> entries = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String key = (tab < 0 ? line : line.substring(0, tab)).strip().toLowerCase(Locale.ROOT);
                String value = tab < 0 ? "" : line.substring(tab + 1).strip();
                if (!key.isEmpty()) {
                    entries.put(key, value);
                }
            }
            return Map.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + name, e);
        }
    }
}
