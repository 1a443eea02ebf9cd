package bhr.assistant.kb;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every document in knowledge-base/ keeps (CONTRACT.md and the content issue), checked file by file. */
class BundledKnowledgeBaseRulesTest {

    private static final Path DIRECTORY = Path.of("knowledge-base");
    private static final int MAX_PASSAGE_WORDS = 300;

    private static LoadReport report;

    @BeforeAll
    static void load() {
        report = new KnowledgeBaseLoader().load(DIRECTORY);
    }

    @Test
    void every_file_loads() {
        assertEquals(List.of(), report.problems());
    }

    @Test
    void the_knowledge_base_is_large_enough_to_be_useful() {
        assertTrue(report.documents().size() >= 12, "documents: " + report.documents().size());
        assertTrue(report.passageCount() >= 350, "passages: " + report.passageCount());
    }

    @Test
    void both_languages_are_present() {
        Set<String> languages = new HashSet<>();
        report.documents().forEach(document -> languages.add(document.metadata().language()));
        assertEquals(Set.of("id", "en"), languages);
    }

    @TestFactory
    Stream<DynamicTest> each_document_keeps_the_rules() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkFile(file)));
        }
    }

    private static void checkFile(Path file) throws Exception {
        String text = Files.readString(file);
        FrontMatter.Split split = FrontMatter.split(text);
        Map<String, String> metadata = split.metadata();
        for (String key : List.of("id", "title", "kind", "language", "source", "status")) {
            assertFalse(metadata.getOrDefault(key, "").isBlank(), "front matter needs '" + key + "'");
        }
        // A compilation has no url of its own (KB-FORMAT.md); any other document links to its official text.
        if (!"true".equals(metadata.get("compilation"))) {
            assertTrue(metadata.getOrDefault("url", "").startsWith("https://"), "url should be https: " + metadata.get("url"));
        }
        assertEquals(List.of(), headingProblems(split.body()));
        assertEquals(List.of(), sectionsWithoutSumber(split.body()), "every section of a bundled file names its sources");

        KnowledgeDocument document = report.documents().stream()
                .filter(d -> d.origin().equals(file.getFileName().toString())).findFirst().orElseThrow();
        Set<List<String>> paths = new HashSet<>();
        for (Passage passage : document.passages()) {
            assertFalse(passage.headingPath().isEmpty(), passage.id() + " has no heading path");
            assertTrue(PassageSplitter.wordCount(passage.text()) <= MAX_PASSAGE_WORDS, passage.id() + " is over " + MAX_PASSAGE_WORDS + " words");
            if (!passage.id().contains("/")) {
                assertTrue(paths.add(passage.headingPath()), "duplicate section " + passage.headingPath());
            }
        }
    }

    /** Headings whose text does not start with a "Sumber:" line among its leading description lines. */
    private static List<String> sectionsWithoutSumber(String body) {
        List<String> missing = new ArrayList<>();
        String heading = null;
        boolean described = false;
        boolean inLeadingLines = false;
        boolean hasText = false;
        for (String line : (body + "\n# end").lines().toList()) {
            if (headingLevel(line) > 0) {
                if (heading != null && hasText && !described) {
                    missing.add(heading);
                }
                heading = line.strip();
                described = false;
                hasText = false;
                inLeadingLines = true;
            } else if (!line.isBlank()) {
                hasText = true;
                if (inLeadingLines && line.strip().startsWith("Sumber:")) {
                    described = true;
                }
                if (!line.matches("^\\s*(Sumber|Per|Pihak)\\s*:.*")) {
                    inLeadingLines = false;
                }
            } else if (hasText) {
                inLeadingLines = false;
            }
        }
        return missing;
    }

    /** Text before the first heading, and headings with neither text nor sub-headings under them. */
    private static List<String> headingProblems(String body) {
        List<String> problems = new ArrayList<>();
        List<String> lines = body.lines().toList();
        int lastHeadingLevel = 0;
        String lastHeading = null;
        boolean textSinceHeading = false;
        boolean seenHeading = false;
        boolean inFence = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
            }
            int level = inFence ? 0 : headingLevel(line);
            if (level > 0) {
                if (lastHeading != null && !textSinceHeading && level <= lastHeadingLevel) {
                    problems.add("empty section: " + lastHeading);
                }
                seenHeading = true;
                lastHeading = line.strip();
                lastHeadingLevel = level;
                textSinceHeading = false;
            } else if (!line.isBlank()) {
                if (!seenHeading) {
                    problems.add("text before the first heading: " + line.strip());
                }
                textSinceHeading = true;
            }
        }
        if (lastHeading != null && !textSinceHeading) {
            problems.add("empty section: " + lastHeading);
        }
        return problems;
    }

    private static int headingLevel(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        return level > 0 && level <= 6 && line.length() > level && line.charAt(level) == ' ' ? level : 0;
    }
}
