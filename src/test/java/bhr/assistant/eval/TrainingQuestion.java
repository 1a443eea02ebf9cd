package bhr.assistant.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A BHR training question for the answerability model (bhr-train.jsonl), written apart from the evaluation sets.
 *
 * @param passages the passages that state the answer; empty for a question the knowledge base cannot answer
 * @param fact     a short regex (case-insensitive find) that a sentence stating the answer matches; null when unanswerable
 * @param intent   definition, date, number, person, yesno, how, list, reason or other
 * @param style    formal, informal, typo, english or keywords
 */
public record TrainingQuestion(String id, String question, boolean answerable, List<String> passages, String fact,
                               String intent, String style) {

    public static final Path BHR_TRAINING = Path.of("src/test/resources/eval/bhr-train.jsonl");

    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainingQuestion {
        passages = List.copyOf(passages);
    }

    /** Reads one question a line; a line that is not JSON or lacks a field fails with its line number. */
    public static List<TrainingQuestion> readAll(Path file) throws IOException {
        List<TrainingQuestion> questions = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                String where = file.getFileName() + " line " + (i + 1);
                try {
                    questions.add(parse(JSON.readTree(lines.get(i)), where));
                } catch (IOException e) {
                    throw new IOException(where + " is not JSON: " + e.getMessage(), e);
                }
            }
        }
        return questions;
    }

    private static TrainingQuestion parse(JsonNode node, String where) {
        JsonNode passages = node.path("passages");
        JsonNode answerable = node.path("answerable");
        JsonNode fact = node.path("fact");
        if (!passages.isArray() || !answerable.isBoolean() || !(fact.isTextual() || fact.isNull())) {
            throw new IllegalArgumentException(where + " needs 'passages' (array), 'answerable' (boolean) and 'fact' (string or null)");
        }
        List<String> passageIds = new ArrayList<>();
        passages.forEach(passage -> passageIds.add(passage.asText()));
        return new TrainingQuestion(text(node, "id", where), text(node, "question", where), answerable.asBoolean(),
                passageIds, fact.isNull() ? null : fact.asText(), text(node, "intent", where), text(node, "style", where));
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a non-blank '" + field + "'");
        }
        return value.asText();
    }
}
