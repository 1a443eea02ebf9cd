package bhr.assistant.eval;

import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.LoadReport;
import bhr.assistant.kb.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Loads the evaluation corpora and their questions (the benchmark asks the BHR questions too). */
public final class Corpora {

    static final Path BHR_QUESTIONS = Path.of("src/test/resources/eval/bhr-eval.jsonl");
    /** Messages that are not questions for the knowledge base (greetings, thanks, emoji), and questions wrapped in them. */
    static final Path SMALL_TALK = Path.of("src/test/resources/eval/bhr-smalltalk.jsonl");
    /** The public sets live beside the repository (../shared/eval), as the brief lays the workspace out. */
    static final Path OUTSIDE = Path.of("..", "shared", "eval");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Corpora() {
    }

    static List<KnowledgeDocument> bundledKnowledgeBase() {
        LoadReport report = new KnowledgeBaseLoader().load(Path.of("knowledge-base"));
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("knowledge base does not load cleanly: " + report.problems());
        }
        return report.documents();
    }

    public static List<EvalQuestion> bhrQuestions() throws IOException {
        List<EvalQuestion> questions = new ArrayList<>();
        for (String line : Files.readAllLines(BHR_QUESTIONS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            List<String> passages = new ArrayList<>();
            node.path("passages").forEach(p -> passages.add(p.asText()));
            String id = node.path("id").asText();
            questions.add(new EvalQuestion(id, node.path("type").asText(), node.path("question").asText(), Set.copyOf(passages),
                    node.path("split").asText("test"), node.path("intent").asText(""), fact(id, node.path("fact"))));
        }
        return questions;
    }

    private static Optional<Pattern> fact(String questionId, JsonNode fact) {
        if (!fact.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EvalQuestion.compileFact(fact.asText()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(questionId + ": fact regex does not compile: " + e.getMessage(), e);
        }
    }

    public static List<SmallTalkMessage> smallTalk() throws IOException {
        List<SmallTalkMessage> messages = new ArrayList<>();
        for (String line : Files.readAllLines(SMALL_TALK, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            JsonNode asks = node.path("asks");
            messages.add(new SmallTalkMessage(node.path("id").asText(), node.path("text").asText(), node.path("category").asText(),
                    node.path("language").asText(), node.path("split").asText(), asks.isTextual() ? Optional.of(asks.asText()) : Optional.empty()));
        }
        return messages;
    }

    /**
     * An outside set as a knowledge base: every corpus passage becomes a one-passage document, so the same
     * pipeline (analysis, query building, scoring) runs on it unchanged.
     */
    static List<KnowledgeDocument> outsideCorpus(String name) throws IOException {
        List<KnowledgeDocument> documents = new ArrayList<>();
        for (String line : Files.readAllLines(OUTSIDE.resolve(name).resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String id = node.path("id").asText();
            DocumentMetadata metadata = new DocumentMetadata(id, "", "reference", "id", name, "https://example.org/" + id, "", "referensi", "", false);
            Passage passage = new Passage(id, id, List.of(), "", node.path("contents").asText(), List.of(), List.of(), "", 0);
            documents.add(new KnowledgeDocument(metadata, List.of(passage), name, DocumentFormat.TEXT, id, Instant.EPOCH));
        }
        return documents;
    }

    static List<EvalQuestion> outsideQuestions(String name, String split) throws IOException {
        Path directory = OUTSIDE.resolve(name);
        Map<String, List<String>> gold = new HashMap<>();
        for (String line : Files.readAllLines(directory.resolve("qrels." + split + ".txt"), StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length >= 4 && !parts[3].equals("0")) {
                gold.computeIfAbsent(parts[0], q -> new ArrayList<>()).add(parts[2]);
            }
        }
        List<EvalQuestion> questions = new ArrayList<>();
        for (String line : Files.readAllLines(directory.resolve("queries." + split + ".tsv"), StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                String id = line.substring(0, tab);
                questions.add(EvalQuestion.of(id, "all", line.substring(tab + 1), gold.getOrDefault(id, List.of()), split));
            }
        }
        return questions;
    }

    static boolean outsideSetsPresent() {
        return Files.isDirectory(OUTSIDE.resolve("tydiqa-id")) && Files.isDirectory(OUTSIDE.resolve("facqa-id"));
    }
}
