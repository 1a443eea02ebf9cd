package bhr.assistant.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * src/test/resources/eval/RESULTS.md, written section by section: each quality test replaces its own "## " sections
 * and leaves the others' as they are, so the file always holds the latest figures of every test.
 */
final class ResultsFile {

    static final Path RESULTS = Path.of("src/test/resources/eval/RESULTS.md");
    private static final String HEADER = "# Answer-quality figures\n\n"
            + "Written by `mvn -B test -Dtest='RetrievalQualityTest,ReaderQualityTest' -Deval.record=true`. Retrieval: R@k = a gold "
            + "passage within the first k, MRR@10 = mean reciprocal rank of the first gold passage. Answers: \"first sentence\" = "
            + "the answer's first sentence states the asked fact (and the answer is given), \"anywhere\" = somewhere in the "
            + "answer; no-answer P/R = precision and recall of declining (found=false) on questions the knowledge base cannot "
            + "answer.\n\n";

    private ResultsFile() {
    }

    /** Prints the section, and with -Deval.record=true writes it into RESULTS.md in place of its earlier version. */
    static synchronized void publish(String section) throws IOException {
        System.out.println(section);
        if (!Boolean.getBoolean("eval.record")) {
            return;
        }
        Map<String, String> sections = sections(Files.exists(RESULTS) ? Files.readString(RESULTS, StandardCharsets.UTF_8) : "");
        sections.put(title(section), section.strip() + "\n");
        StringBuilder file = new StringBuilder(HEADER);
        sections.values().forEach(text -> file.append(text).append('\n'));
        Files.writeString(RESULTS, file.toString().strip() + "\n", StandardCharsets.UTF_8);
    }

    private static Map<String, String> sections(String file) {
        Map<String, String> sections = new LinkedHashMap<>();
        int at = file.indexOf("\n## ");
        while (at >= 0) {
            int next = file.indexOf("\n## ", at + 1);
            String section = file.substring(at + 1, next < 0 ? file.length() : next);
            sections.put(title(section), section.strip() + "\n");
            at = next;
        }
        return sections;
    }

    private static String title(String section) {
        String stripped = section.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end);
    }
}
