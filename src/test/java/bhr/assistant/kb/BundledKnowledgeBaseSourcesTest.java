package bhr.assistant.kb;

import bhr.assistant.text.TimeSensitive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a civil servant needs to cite the bundled knowledge base (issue 16, KB-FORMAT.md): every passage names a
 * source with a link, no "(sumber: ...)" note is left in the text, every time-sensitive passage carries its as-of
 * date, and the key facts of {@code kb-rules/key-facts.json} have one value across all files.
 */
class BundledKnowledgeBaseSourcesTest {

    /** Words that make a statement time-sensitive: see {@link TimeSensitive}. */
    static final Pattern TIME_SENSITIVE = TimeSensitive.MARKER;
    private static final Pattern INLINE_NOTE = Pattern.compile("\\((sumber|source)s?:", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = months();
    private static final Map<String, String> NUMBER_WORDS = Map.of("tiga", "3", "three", "3", "empat", "4", "four", "4",
            "lima", "5", "five", "5", "dua belas", "12", "twelve", "12", "tiga belas", "13", "thirteen", "13");

    private static List<KnowledgeDocument> documents;

    @BeforeAll
    static void load() {
        LoadReport report = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        assertEquals(List.of(), report.problems());
        documents = report.documents();
    }

    @Test
    void every_passage_cites_a_source_with_a_link() {
        List<String> missing = new ArrayList<>();
        for (Passage passage : passages()) {
            if (passage.sources().stream().noneMatch(source -> source.url().startsWith("https://"))) {
                missing.add(passage.id());
            }
        }
        assertEquals(List.of(), missing, "passages without a source with an https link");
    }

    @Test
    void no_inline_source_note_is_left_in_the_text() {
        List<String> notes = new ArrayList<>();
        for (Passage passage : passages()) {
            if (INLINE_NOTE.matcher(passage.text()).find()) {
                notes.add(passage.id());
            }
        }
        assertEquals(List.of(), notes, "passages with a '(sumber: ...)' note: name the source on the section's Sumber: line");
    }

    @Test
    void time_sensitive_passages_carry_an_as_of_date() {
        List<String> undated = new ArrayList<>();
        for (Passage passage : passages()) {
            Matcher marker = TIME_SENSITIVE.matcher(passage.text());
            if (passage.asOf().isEmpty() && marker.find()) {
                undated.add(passage.id() + " (\"" + marker.group() + "\")");
            }
        }
        assertEquals(List.of(), undated, "time-sensitive passages without a 'Per:' line");
    }

    @Test
    void each_key_fact_has_one_value_across_the_knowledge_base() throws IOException {
        List<String> conflicts = new ArrayList<>();
        int mentions = 0;
        for (JsonNode fact : keyFacts()) {
            Pattern context = Pattern.compile(fact.get("context").asText());
            Pattern value = Pattern.compile(fact.get("value").asText());
            String expected = fact.get("expected").asText();
            for (Passage passage : passages()) {
                for (String sentence : PassageSplitter.sentences(passage.text().replace('\n', ' '))) {
                    if (!context.matcher(sentence).find()) {
                        continue;
                    }
                    Matcher found = value.matcher(sentence);
                    while (found.find()) {
                        mentions++;
                        String normalized = normalize(found.group(1));
                        if (!normalized.equals(expected)) {
                            conflicts.add(fact.get("fact").asText() + ": " + passage.id() + " says '" + found.group(1)
                                    + "' (expected " + expected + ")");
                        }
                    }
                }
            }
        }
        assertTrue(mentions >= 20, "the key-fact patterns should find the facts they guard; found " + mentions);
        assertEquals(List.of(), conflicts);
    }

    @Test
    void a_source_key_means_the_same_source_in_every_file() {
        Map<String, Source> byUrl = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Passage passage : passages()) {
            for (Source source : passage.sources()) {
                Source first = byUrl.putIfAbsent(source.url(), source);
                if (first != null && !first.equals(source) && !clashes.contains(source.url())) {
                    clashes.add(source.url() + ": " + first + " vs " + source);
                }
            }
        }
        assertEquals(List.of(), clashes, "one url, one title, publisher and date");
    }

    @Test
    void the_checks_catch_what_they_guard() {
        assertTrue(TIME_SENSITIVE.matcher("Per Februari 2026 rancangan ini belum ditetapkan.").find());
        assertTrue(TIME_SENSITIVE.matcher("The draft is still pending.").find());
        assertTrue(!TIME_SENSITIVE.matcher("Upah dibayar per bulan sesuai perjanjian kerja.").find());
        assertTrue(!TIME_SENSITIVE.matcher("Iuran JKK untuk tingkat risiko sedang adalah 0,89%.").find());
        assertTrue(TIME_SENSITIVE.matcher("Rancangan itu sedang disusun.").find());
        assertEquals("2023-09-26", normalize("26 September 2023"));
        assertEquals("2011-06-16", normalize("16 Juni 2011"));
        assertEquals("4", normalize("empat"));
        assertEquals("2021-2025", normalize("2021 – 2025"));
    }

    private static List<Passage> passages() {
        return documents.stream().flatMap(document -> document.passages().stream()).toList();
    }

    private static JsonNode keyFacts() throws IOException {
        try (InputStream in = BundledKnowledgeBaseSourcesTest.class.getResourceAsStream("/kb-rules/key-facts.json")) {
            assertNotNull(in, "kb-rules/key-facts.json");
            return new ObjectMapper().readTree(in);
        }
    }

    /** "26 September 2023" → 2023-09-26, "empat" → 4, "2021 – 2025" → 2021-2025. */
    static String normalize(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher date = Pattern.compile("(\\d{1,2}) ([a-z]+) (\\d{4})").matcher(value);
        if (date.matches() && MONTHS.containsKey(date.group(2))) {
            return String.format("%s-%02d-%02d", date.group(3), MONTHS.get(date.group(2)), Integer.parseInt(date.group(1)));
        }
        if (NUMBER_WORDS.containsKey(value)) {
            return NUMBER_WORDS.get(value);
        }
        return value.replaceAll("\\s*[–-]\\s*", "-");
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        String[] indonesian = {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember"};
        String[] english = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"};
        for (int i = 0; i < 12; i++) {
            months.put(indonesian[i], i + 1);
            months.put(english[i], i + 1);
            months.put(english[i].substring(0, 3), i + 1);
        }
        return months;
    }
}
