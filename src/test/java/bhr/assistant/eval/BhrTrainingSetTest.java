package bhr.assistant.eval;

import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of the BHR training set (bhr-train.jsonl): labels that point at the current knowledge base, a fact
 * that a labelled passage states, and the mix the answerability model needs. The knowledge base is being edited
 * by others, so every check lists all the rows it fails on, with the ids to fix.
 */
class BhrTrainingSetTest {

    private static final Set<String> INTENTS = Set.of("definition", "date", "number", "person", "yesno", "how", "list", "reason", "other");
    private static final Set<String> STYLES = Set.of("formal", "informal", "typo", "english", "keywords");
    private static final Pattern ID = Pattern.compile("t\\d{4}");
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final Path EVAL_DIRECTORY = TrainingQuestion.BHR_TRAINING.getParent();

    private static List<TrainingQuestion> questions;
    private static Map<String, Passage> passages;

    @BeforeAll
    static void load() throws IOException {
        questions = TrainingQuestion.readAll(TrainingQuestion.BHR_TRAINING);
        passages = new HashMap<>();
        for (KnowledgeDocument document : Corpora.bundledKnowledgeBase()) {
            document.passages().forEach(passage -> passages.put(passage.id(), passage));
        }
    }

    @Test
    void ids_and_questions_are_unique_and_labels_come_from_the_agreed_sets() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> byText = new HashMap<>();
        for (TrainingQuestion question : questions) {
            if (!ID.matcher(question.id()).matches() || !ids.add(question.id())) {
                problems.add(question.id() + ": id is not of the form t0001 or is used twice");
            }
            String previous = byText.putIfAbsent(normalised(question.question()), question.id());
            if (previous != null) {
                problems.add(question.id() + ": same question as " + previous);
            }
            if (!INTENTS.contains(question.intent()) || !STYLES.contains(question.style())) {
                problems.add(question.id() + ": intent '" + question.intent() + "' or style '" + question.style() + "' unknown");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void answerable_questions_cite_passages_that_exist_in_the_knowledge_base() {
        Map<String, List<String>> missing = new TreeMap<>();
        for (TrainingQuestion question : questions) {
            if (question.answerable()) {
                question.passages().stream().filter(id -> !passages.containsKey(id))
                        .forEach(id -> missing.computeIfAbsent(id, key -> new ArrayList<>()).add(question.id()));
            }
        }
        assertEquals(Map.of(), missing, "passage ids not in knowledge-base/ (renamed?) -> the training rows that cite them");
    }

    @Test
    void the_fact_of_an_answerable_question_is_stated_in_a_sentence_of_a_passage_it_cites() {
        List<String> problems = new ArrayList<>();
        for (TrainingQuestion question : questions) {
            if (!question.answerable()) {
                continue;
            }
            if (question.passages().isEmpty() || question.fact() == null || question.fact().isBlank()) {
                problems.add(question.id() + ": answerable but without passages or fact");
                continue;
            }
            Pattern fact;
            try {
                fact = Pattern.compile(question.fact(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                problems.add(question.id() + ": fact does not compile: " + e.getDescription());
                continue;
            }
            boolean stated = question.passages().stream().map(passages::get).filter(passage -> passage != null)
                    .flatMap(passage -> sentences(passage.text()).stream())
                    .anyMatch(sentence -> fact.matcher(sentence).find());
            if (!stated) {
                problems.add(question.id() + ": no sentence of " + question.passages() + " matches /" + question.fact() + "/");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void unanswerable_questions_carry_neither_passages_nor_fact() {
        List<String> labelled = questions.stream()
                .filter(question -> !question.answerable() && (!question.passages().isEmpty() || question.fact() != null))
                .map(TrainingQuestion::id).toList();
        assertEquals(List.of(), labelled);
    }

    @Test
    void the_mix_has_about_three_answerable_to_two_unanswerable_and_every_intent_and_style_on_both_sides() {
        long answerable = questions.stream().filter(TrainingQuestion::answerable).count();
        double share = (double) answerable / questions.size();
        assertTrue(questions.size() >= 350 && share >= 0.5 && share <= 0.7,
                questions.size() + " questions, answerable share " + share);
        List<String> gaps = new ArrayList<>();
        for (boolean side : List.of(true, false)) {
            Set<String> intents = new TreeSet<>(INTENTS);
            Set<String> styles = new TreeSet<>(STYLES);
            questions.stream().filter(question -> question.answerable() == side).forEach(question -> {
                intents.remove(question.intent());
                styles.remove(question.style());
            });
            if (!intents.isEmpty() || !styles.isEmpty()) {
                gaps.add((side ? "answerable" : "unanswerable") + " lacks " + intents + " " + styles);
            }
        }
        assertEquals(List.of(), gaps);
    }

    /** Training on an evaluation question would inflate every figure measured on it. */
    @Test
    void no_training_question_repeats_a_question_of_another_set() throws IOException {
        Set<String> training = new HashSet<>();
        questions.forEach(question -> training.add(normalised(question.question())));
        List<String> repeated = new ArrayList<>();
        try (Stream<Path> files = Files.list(EVAL_DIRECTORY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl") && !f.equals(TrainingQuestion.BHR_TRAINING)).toList()) {
                for (String question : questionsIn(file)) {
                    if (training.contains(normalised(question))) {
                        repeated.add(file.getFileName() + ": " + question);
                    }
                }
            }
        }
        assertEquals(List.of(), repeated);
    }

    /** Sentences as a reader sees them: lines (list items, paragraphs) first, then the sentences of each line. */
    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(INDONESIAN);
        for (String line : text.split("\\R")) {
            iterator.setText(line);
            for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                String sentence = line.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    private static List<String> questionsIn(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> found = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode question = json.readTree(line).path("question");
                if (question.isTextual()) {
                    found.add(question.asText());
                }
            }
        }
        return found;
    }

    private static String normalised(String question) {
        return question.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
