package bhr.assistant.eval;

import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The labels the answer-level evaluation stands on: every answerable BHR question says what kind of answer it asks for
 * and, as a regex, the fact a good answer's first sentence states; the knowledge base states each of those facts in a
 * sentence of a passage labelled for the question (a fact no passage states could never be answered, and would count
 * against the reader); the small-talk messages are well-formed.
 */
class EvalLabelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_answerable_question_has_an_intent_and_a_fact_regex_and_every_unanswerable_one_an_intent_and_no_fact() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(Corpora.BHR_QUESTIONS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            String id = node.path("id").asText();
            if (!EvalQuestion.INTENTS.contains(node.path("intent").asText())) {
                problems.add(id + ": intent " + node.path("intent") + " is not one of " + EvalQuestion.INTENTS);
            }
            JsonNode fact = node.path("fact");
            if (node.path("passages").isEmpty()) {
                if (!fact.isNull()) {
                    problems.add(id + ": unanswerable, so its fact must be null, not " + fact);
                }
                continue;
            }
            if (!fact.isTextual() || fact.asText().isBlank()) {
                problems.add(id + ": answerable but has no fact regex");
                continue;
            }
            try {
                Pattern pattern = EvalQuestion.compileFact(fact.asText());
                if (pattern.matcher("").find()) {
                    problems.add(id + ": fact matches the empty string, so any sentence states it");
                }
                // A yes/no fact restates the asked term ("pekebun ... wajib"); any other fact the question itself
                // contains would credit an answer that only echoes the question.
                if (!node.path("intent").asText().equals("yesno") && pattern.matcher(node.path("question").asText()).find()) {
                    problems.add(id + ": fact matches the question itself");
                }
            } catch (PatternSyntaxException e) {
                problems.add(id + ": fact does not compile: " + e.getDescription());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void the_knowledge_base_states_every_fact_in_a_sentence_of_a_passage_labelled_for_its_question() throws IOException {
        Map<String, String> passageTexts = Corpora.bundledKnowledgeBase().stream().map(KnowledgeDocument::passages)
                .flatMap(List::stream).collect(Collectors.toMap(Passage::id, Passage::text));
        List<String> unstated = new ArrayList<>();
        for (EvalQuestion question : Corpora.bhrQuestions()) {
            if (!question.answerable()) {
                continue;
            }
            boolean stated = question.passages().stream().map(passageTexts::get).filter(text -> text != null)
                    .flatMap(text -> sentences(text).stream()).anyMatch(question::statesFact);
            if (!stated) {
                unstated.add(question.id() + " \"" + question.question() + "\": no sentence of " + question.passages()
                        + " matches " + question.fact().map(Pattern::pattern).orElse("(no fact)"));
            }
        }
        assertTrue(unstated.isEmpty(), "facts the labelled passages do not state (fix the label, or the knowledge base):\n"
                + String.join("\n", unstated));
    }

    @Test
    void small_talk_messages_are_well_formed_and_their_questions_ask_answerable_eval_questions() throws IOException {
        List<SmallTalkMessage> messages = Corpora.smallTalk();
        Map<String, EvalQuestion> evalQuestions = Corpora.bhrQuestions().stream()
                .collect(Collectors.toMap(EvalQuestion::id, Function.identity()));
        Set<String> evalTexts = evalQuestions.values().stream().map(q -> q.question().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            SmallTalkMessage message = messages.get(i);
            String where = message.id() + " \"" + message.text() + "\"";
            if (!message.id().equals(String.format(Locale.ROOT, "s%03d", i + 1))) {
                problems.add(where + ": ids run s001, s002, ... in file order; expected s%03d".formatted(i + 1));
            }
            if (message.text().isBlank() || !texts.add(message.text().strip().toLowerCase(Locale.ROOT))) {
                problems.add(where + ": text is blank or repeated");
            }
            if (evalTexts.contains(message.text().toLowerCase(Locale.ROOT))) {
                problems.add(where + ": copies an evaluation question word for word");
            }
            if (!SmallTalkMessage.CATEGORIES.contains(message.category())) {
                problems.add(where + ": category " + message.category() + " is not one of " + SmallTalkMessage.CATEGORIES);
            }
            if (!Set.of("id", "en").contains(message.language())) {
                problems.add(where + ": language must be id or en, not " + message.language());
            }
            String expectedSplit = i % 2 == 0 ? "valid" : "test";
            if (!message.split().equals(expectedSplit)) {
                problems.add(where + ": splits alternate valid/test; expected " + expectedSplit);
            }
            if (message.isQuestion()) {
                EvalQuestion asked = message.asks().map(evalQuestions::get).orElse(null);
                if (asked == null || !asked.answerable()) {
                    problems.add(where + ": a wrapped question must name the answerable evaluation question it asks, not " + message.asks());
                }
            } else if (message.asks().isPresent()) {
                problems.add(where + ": only questions name an evaluation question");
            }
        }
        long questions = messages.stream().filter(SmallTalkMessage::isQuestion).count();
        if (messages.size() - questions < 100 || questions < 20) {
            problems.add("expected at least 100 small-talk messages and 20 wrapped questions, found "
                    + (messages.size() - questions) + " and " + questions);
        }
        for (String category : SmallTalkMessage.CATEGORIES) {
            for (String split : List.of("valid", "test")) {
                if (messages.stream().noneMatch(m -> m.category().equals(category) && m.split().equals(split))) {
                    problems.add("no " + category + " message in the " + split + " split");
                }
            }
        }
        for (String language : List.of("id", "en")) {
            if (messages.stream().noneMatch(m -> m.language().equals(language) && !m.isQuestion())
                    || messages.stream().noneMatch(m -> m.language().equals(language) && m.isQuestion())) {
                problems.add("small talk and wrapped questions are both needed in " + language);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void sentences_split_at_sentence_ends_but_not_after_abbreviations_or_initials_and_keep_a_list_with_its_lead_in() {
        String text = """
                PRISMA diluncurkan Menteri Yasonna H. Laoly. Lihat Jl. Latuharhary No. 4B, Jakarta. Angka 1.366 tetap utuh.

                Langkah mengadu:

                1. Siapkan surat.
                2. Kirim ke Komnas HAM.

                Sesudah daftar, kalimat baru.""";

        assertEquals(List.of("PRISMA diluncurkan Menteri Yasonna H. Laoly.", "Lihat Jl. Latuharhary No. 4B, Jakarta.",
                "Angka 1.366 tetap utuh.", "Langkah mengadu:\n1. Siapkan surat.\n2. Kirim ke Komnas HAM.",
                "Sesudah daftar, kalimat baru."), sentences(text));
    }

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*•]|\\d{1,2}[.)]|[a-z][.)])\\s+");
    /** A sentence end: '.', '!' or '?' (and closing quotes or brackets), space, then what starts a sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”')\\]]*\\s+(?=[\"“(\\[]?[A-Z0-9])");
    private static final Pattern WORD_BEFORE_DOT = Pattern.compile("(\\S+)\\.$");
    private static final Set<String> ABBREVIATIONS = Set.of("no", "nr", "dr", "prof", "tbk", "s.h", "m.h", "dll", "dsb", "jl", "e.g",
            "i.e", "etc", "vs", "st", "mr", "mrs", "ms", "ir", "drs", "kab", "kec", "sdr", "bpk", "hlm", "cf", "jo", "plt", "pt", "cv",
            "inc", "co", "ltd", "vol");

    /**
     * Sentences as an answer quotes them, a stand-in until the reader brings its own splitter: a paragraph ends a
     * sentence at '.', '!' or '?' followed by a space and a capital, digit, quote or bracket, except after an
     * abbreviation or an initial ("No.", "H.", "dll."); list items stay with a lead-in line that ends in ':'.
     */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        boolean inList = false;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (inList && !sentences.isEmpty() && LIST_ITEM.matcher(line).find()) {
                sentences.set(sentences.size() - 1, sentences.get(sentences.size() - 1) + "\n" + trimmed);
                continue;
            }
            sentences.addAll(splitParagraph(trimmed));
            inList = trimmed.endsWith(":");
        }
        return sentences;
    }

    private static List<String> splitParagraph(String paragraph) {
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(paragraph);
        int start = 0;
        while (end.find()) {
            if (!endsWithAbbreviation(paragraph.substring(0, end.start() + 1))) {
                sentences.add(paragraph.substring(start, end.end()).strip());
                start = end.end();
            }
        }
        if (!paragraph.substring(start).isBlank()) {
            sentences.add(paragraph.substring(start).strip());
        }
        return sentences;
    }

    private static boolean endsWithAbbreviation(String upToDot) {
        Matcher word = WORD_BEFORE_DOT.matcher(upToDot);
        if (!word.find()) {
            return false;
        }
        String lower = word.group(1).replaceFirst("^[(\"“]+", "").toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(lower) || lower.matches("[a-z]") || lower.matches("([a-z]\\.)+[a-z]");
    }
}
