package bhr.assistant.eval;

import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Question sets for the reader, measured at the level users feel: does the answer's first sentence state the asked
 * fact, and is a question the knowledge base cannot answer refused? IDK-MRC (each paragraph a document) and the
 * project's own BHR questions, whose "fact" is a regex the stating sentence matches.
 */
public final class ReadingSets {

    static final Path IDK_MRC = Corpora.OUTSIDE.resolve("idk-mrc");
    static final Path BHR_TRAIN = Path.of("src/test/resources/eval/bhr-train.jsonl");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadingSets() {
    }

    /**
     * A question and what a right answer states.
     *
     * @param answers gold answer texts (IDK-MRC), any of which the stating sentence contains
     * @param fact    a pattern the stating sentence matches (BHR questions)
     * @param intent  the labelled kind of answer asked for ("" when unlabelled)
     * @param type    how it is written (formal, informal, typo, english, ...) or "all"
     */
    public record ReadingQuestion(String id, String question, boolean answerable, List<String> answers, Optional<Pattern> fact,
                                  String split, String intent, String type) {

        public ReadingQuestion {
            answers = List.copyOf(answers);
        }

        /** Whether the sentence states this question's fact. */
        public boolean statedBy(String sentence) {
            String normalized = normalize(sentence);
            if (answers.stream().anyMatch(answer -> normalized.contains(normalize(answer)))) {
                return true;
            }
            return fact.isPresent() && fact.get().matcher(sentence).find();
        }
    }

    /** A knowledge base with the questions asked of it. */
    public record ReadingSet(String name, List<KnowledgeDocument> documents, List<ReadingQuestion> questions) {
    }

    public static boolean idkMrcPresent() {
        return Files.isRegularFile(IDK_MRC.resolve("train.json")) && Files.isRegularFile(IDK_MRC.resolve("valid.json"));
    }

    /** An IDK-MRC split: every paragraph a one-passage document, every question with its gold answers. */
    public static ReadingSet idkMrc(String split) throws IOException {
        JsonNode paragraphs = JSON.readTree(IDK_MRC.resolve(split + ".json").toFile());
        List<KnowledgeDocument> documents = new ArrayList<>();
        List<ReadingQuestion> questions = new ArrayList<>();
        int n = 0;
        for (JsonNode paragraph : paragraphs) {
            String id = "idk-" + split + "-" + (n++);
            DocumentMetadata metadata = new DocumentMetadata(id, "", "reference", "id", "IDK-MRC", "https://example.org/" + id, "", "referensi", "", false);
            Passage passage = new Passage(id, id, List.of(), "", paragraph.path("context").asText(), List.of(), List.of(), "", 0);
            documents.add(new KnowledgeDocument(metadata, List.of(passage), "idk-mrc", DocumentFormat.TEXT, id, Instant.EPOCH));
            for (JsonNode qa : paragraph.path("qas")) {
                List<String> answers = new ArrayList<>();
                qa.path("answers").forEach(answer -> answers.add(answer.path("text").asText()));
                boolean impossible = qa.path("is_impossible").asBoolean();
                questions.add(new ReadingQuestion(qa.path("id").asText(), qa.path("question").asText(), !impossible,
                        impossible ? List.of() : answers, Optional.empty(), split, "", "all"));
            }
        }
        return new ReadingSet("idk-mrc " + split, documents, questions);
    }

    /** The BHR training questions over the bundled knowledge base. */
    public static ReadingSet bhrTrain() throws IOException {
        return new ReadingSet("bhr train", Corpora.bundledKnowledgeBase(), bhr(BHR_TRAIN, "train"));
    }

    /** The 233 BHR evaluation questions over the bundled knowledge base, with their facts. */
    public static ReadingSet bhrEval() throws IOException {
        return new ReadingSet("bhr eval", Corpora.bundledKnowledgeBase(), bhr(Corpora.BHR_QUESTIONS, "test"));
    }

    /** The practical questions of business owners and workers (wages, BPJS, complaints, personal data, licensing). */
    public static ReadingSet bhrPractical() throws IOException {
        List<ReadingQuestion> questions = new ArrayList<>();
        for (String file : List.of("bhr-practical.jsonl", "bhr-practical-rights.jsonl")) {
            questions.addAll(bhr(BHR_TRAIN.resolveSibling(file), "test"));
        }
        return new ReadingSet("bhr practical", Corpora.bundledKnowledgeBase(), questions);
    }

    static List<ReadingQuestion> bhr(Path file, String defaultSplit) throws IOException {
        List<ReadingQuestion> questions = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            JsonNode fact = node.path("fact");
            boolean answerable = node.has("answerable") ? node.path("answerable").asBoolean() : !node.path("passages").isEmpty();
            Optional<Pattern> pattern = fact.isTextual() && !fact.asText().isBlank()
                    ? Optional.of(EvalQuestion.compileFact(fact.asText()))
                    : Optional.empty();
            questions.add(new ReadingQuestion(node.path("id").asText(), node.path("question").asText(), answerable, List.of(), pattern,
                    node.path("split").asText(defaultSplit), node.path("intent").asText(""), node.path("type").asText(node.path("style").asText("all"))));
        }
        return questions;
    }

    static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
