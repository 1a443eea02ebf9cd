package bhr.assistant.eval;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerConfig;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Question;
import bhr.assistant.eval.ReadingSets.ReadingQuestion;
import bhr.assistant.eval.ReadingSets.ReadingSet;
import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.search.PassageRetriever;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answer quality as users feel it: does the answer's first sentence state the asked fact, is a question the knowledge
 * base cannot answer refused, and is small talk never answered as if it were a question? Measured on the project's
 * BHR questions (with their fact regexes), its practical questions, its small-talk messages and IDK-MRC valid (each
 * paragraph a document; ../shared/eval). Prints the figures; -Deval.record=true writes them to RESULTS.md. Fails when
 * a figure drops below its floor: the level reached and recorded, less a question's worth of noise.
 */
@MicronautTest(startApplication = false)
class ReaderQualityTest {

    /** The answer's first sentence: everything before its first citation marker. */
    private static final Pattern FIRST_MARKER = Pattern.compile("\\s*\\[\\d+]");

    /*
     * Floors: the level reached (RESULTS.md) less about three questions' worth, so that noise passes and a real drop
     * fails. They are below the targets (BHR first sentence 0.90, no-answer recall 0.75 at precision 0.90;
     * IDK-MRC has-answer 0.65, no-answer 0.50), which RESULTS.md reports against.
     */
    static final double BHR_FIRST_SENTENCE_FLOOR = 0.64;
    static final double BHR_NO_ANSWER_PRECISION_FLOOR = 0.31;
    static final double BHR_NO_ANSWER_RECALL_FLOOR = 0.72;
    static final double SMALL_TALK_REFUSED_FLOOR = 0.92;
    static final double WRAPPED_QUESTIONS_ANSWERED_FLOOR = 0.40;
    static final double IDK_HAS_ANSWER_FLOOR = 0.31;
    static final double IDK_NO_ANSWER_FLOOR = 0.81;

    @Inject
    AnswerConfig config;

    /** What the service answered, and whether it states the question's fact. */
    record Outcome(ReadingQuestion question, boolean found, boolean firstStates, boolean anywhereStates) {

        boolean refused() {
            return !found;
        }
    }

    @Test
    void bhr_answers_state_the_fact_first_and_refuse_what_the_knowledge_base_cannot_answer() throws IOException {
        ReadingSet set = ReadingSets.bhrEval();
        List<Outcome> outcomes = ask(service(set), set.questions());
        StringBuilder report = new StringBuilder("## BHR questions: answers\n\n").append(set.questions().size())
                .append(" questions over the bundled knowledge base; \"all\" rows per split, then per intent and per type.\n\n")
                .append(TABLE_HEADER);
        Map<String, Rates> all = new LinkedHashMap<>();
        for (String split : List.of("all", "valid", "test")) {
            List<Outcome> inSplit = outcomes.stream().filter(o -> split.equals("all") || o.question().split().equals(split)).toList();
            all.put(split, rows(report, split, inSplit, ReadingQuestion::intent, ReadingQuestion::type));
        }
        practical(report);
        ResultsFile.publish(report.toString());
        Rates rates = all.get("all");
        List<String> failures = new ArrayList<>();
        require(failures, "BHR first sentence states the fact", rates.firstSentence(), BHR_FIRST_SENTENCE_FLOOR);
        require(failures, "BHR no-answer precision", rates.noAnswerPrecision(), BHR_NO_ANSWER_PRECISION_FLOOR);
        require(failures, "BHR no-answer recall", rates.noAnswerRecall(), BHR_NO_ANSWER_RECALL_FLOOR);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The practical questions (labour, complaints, data protection, licensing). */
    private void practical(StringBuilder report) throws IOException {
        ReadingSet set = ReadingSets.bhrPractical();
        List<ReadingQuestion> questions = set.questions();
        List<Outcome> outcomes = ask(service(set), questions);
        report.append("\nPractical questions (labour law, complaints, personal data, licensing), ").append(questions.size())
                .append(" questions:\n\n").append(TABLE_HEADER);
        for (String split : List.of("all", "valid", "test")) {
            rows(report, split, outcomes.stream().filter(o -> split.equals("all") || o.question().split().equals(split)).toList(),
                    ReadingQuestion::type);
        }
    }

    @Test
    void small_talk_is_never_answered_as_found_and_wrapped_questions_are_answered() throws IOException {
        List<SmallTalkMessage> messages = Corpora.smallTalk();
        Map<String, ReadingQuestion> eval = new LinkedHashMap<>();
        ReadingSet set = ReadingSets.bhrEval();
        set.questions().forEach(question -> eval.put(question.id(), question));
        AnswerService answers = service(set);
        StringBuilder report = new StringBuilder("## Small talk\n\n")
                .append("Messages that are not questions must get a friendly reply (found=false, kind small-talk); questions ")
                .append("wrapped in a greeting or thanks must still be answered, the fact first.\n\n")
                .append("| split | category | n | right | as small talk |\n|---|---|---|---|---|\n");
        Map<String, double[]> bySplit = new LinkedHashMap<>();
        for (String split : List.of("all", "valid", "test")) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            for (SmallTalkMessage message : messages) {
                if (!split.equals("all") && !message.split().equals(split)) {
                    continue;
                }
                Answer answer = answers.ask(Question.of(message.text()));
                boolean right;
                if (message.isQuestion()) {
                    ReadingQuestion asked = eval.get(message.asks().orElseThrow());
                    right = answer.found() && asked.statedBy(firstSentence(answer.answer()));
                } else {
                    right = !answer.found();
                }
                int[] count = counts.computeIfAbsent(message.category(), c -> new int[3]);
                count[0]++;
                count[1] += right ? 1 : 0;
                count[2] += answer.kind().equals(Answer.SMALL_TALK) ? 1 : 0;
            }
            int[] talk = new int[3];
            for (Map.Entry<String, int[]> entry : counts.entrySet()) {
                int[] count = entry.getValue();
                report.append("| ").append(split).append(" | ").append(entry.getKey()).append(" | ").append(count[0]).append(" | ")
                        .append(format((double) count[1] / count[0])).append(" | ").append(format((double) count[2] / count[0])).append(" |\n");
                if (!entry.getKey().equals("question")) {
                    talk[0] += count[0];
                    talk[1] += count[1];
                }
            }
            int[] questions = counts.getOrDefault("question", new int[3]);
            bySplit.put(split, new double[] {(double) talk[1] / talk[0], (double) questions[1] / Math.max(1, questions[0])});
        }
        ResultsFile.publish(report.toString());
        List<String> failures = new ArrayList<>();
        require(failures, "small talk not answered as found", bySplit.get("all")[0], SMALL_TALK_REFUSED_FLOOR);
        require(failures, "wrapped questions answered, fact first", bySplit.get("all")[1], WRAPPED_QUESTIONS_ANSWERED_FLOOR);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void idk_mrc_valid_answers_in_the_first_sentence_and_refuses_near_misses() throws IOException {
        Assumptions.assumeTrue(ReadingSets.idkMrcPresent(), "../shared/eval/idk-mrc is not beside the repository");
        ReadingSet set = ReadingSets.idkMrc("valid");
        List<Outcome> outcomes = ask(service(set), set.questions());
        long answerable = outcomes.stream().filter(o -> o.question().answerable()).count();
        double hasAnswer = outcomes.stream().filter(o -> o.question().answerable() && o.firstStates()).count() / (double) answerable;
        double noAnswer = outcomes.stream().filter(o -> !o.question().answerable() && o.refused()).count()
                / (double) (outcomes.size() - answerable);
        double anywhere = outcomes.stream().filter(o -> o.question().answerable() && o.anywhereStates()).count() / (double) answerable;
        String report = "## IDK-MRC valid: answers\n\n" + set.documents().size() + " paragraphs, each a document; "
                + outcomes.size() + " questions (" + answerable + " answerable).\n\n"
                + "| has-answer: first sentence | has-answer: anywhere | no-answer: refused | balanced (mean of first and third) |\n"
                + "|---|---|---|---|\n| " + format(hasAnswer) + " | " + format(anywhere) + " | " + format(noAnswer) + " | "
                + format((hasAnswer + noAnswer) / 2) + " |\n";
        ResultsFile.publish(report);
        List<String> failures = new ArrayList<>();
        require(failures, "IDK-MRC has-answer in the first sentence", hasAnswer, IDK_HAS_ANSWER_FLOOR);
        require(failures, "IDK-MRC no-answer refused", noAnswer, IDK_NO_ANSWER_FLOOR);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private AnswerService service(ReadingSet set) throws IOException {
        Analyzers analyzers = new Analyzers();
        KnowledgeIndex index = new KnowledgeIndex(analyzers);
        index.replace(set.documents());
        return new AnswerService(new PassageRetriever(index, analyzers), new AnswerConfig(config.maxSentences(), 0));
    }

    private static List<Outcome> ask(AnswerService answers, List<ReadingQuestion> questions) {
        List<Outcome> outcomes = new ArrayList<>();
        for (ReadingQuestion question : questions) {
            Answer answer = answers.ask(Question.of(question.question()));
            boolean first = answer.found() && question.statedBy(firstSentence(answer.answer()));
            boolean anywhere = answer.found() && question.statedBy(answer.answer());
            outcomes.add(new Outcome(question, answer.found(), first, anywhere));
            if (Boolean.getBoolean("eval.misses") && ((question.answerable() && !first) || (!question.answerable() && answer.found()))) {
                System.out.printf("MISS %s [%s/%s/%s] found=%s %s%n   %s%n", question.id(), question.intent(), question.type(),
                        question.split(), answer.found(), question.question(), answer.answer().replace('\n', ' '));
            }
        }
        return outcomes;
    }

    static String firstSentence(String answer) {
        Matcher marker = FIRST_MARKER.matcher(answer);
        return marker.find() ? answer.substring(0, marker.start()) : answer.lines().findFirst().orElse("");
    }

    private static final String TABLE_HEADER = "| split | group | n | answerable | first sentence | anywhere | no-answer P | no-answer R |\n"
            + "|---|---|---|---|---|---|---|---|\n";

    /** Rates over a group of outcomes. */
    record Rates(int count, int answerable, double firstSentence, double anywhere, double noAnswerPrecision, double noAnswerRecall) {

        static Rates of(List<Outcome> outcomes) {
            int answerable = 0;
            int first = 0;
            int anywhere = 0;
            int refused = 0;
            int rightlyRefused = 0;
            int unanswerable = 0;
            for (Outcome outcome : outcomes) {
                if (outcome.question().answerable()) {
                    answerable++;
                    first += outcome.firstStates() ? 1 : 0;
                    anywhere += outcome.anywhereStates() ? 1 : 0;
                } else {
                    unanswerable++;
                    rightlyRefused += outcome.refused() ? 1 : 0;
                }
                refused += outcome.refused() ? 1 : 0;
            }
            return new Rates(outcomes.size(), answerable, ratio(first, answerable), ratio(anywhere, answerable),
                    ratio(rightlyRefused, refused), ratio(rightlyRefused, unanswerable));
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? Double.NaN : (double) part / whole;
        }
    }

    /** The split's row, then a row per value of each grouping; returns the split's rates. */
    @SafeVarargs
    private static Rates rows(StringBuilder report, String split, List<Outcome> outcomes, Function<ReadingQuestion, String>... groupings) {
        Rates total = Rates.of(outcomes);
        row(report, split, "all", total);
        for (Function<ReadingQuestion, String> grouping : groupings) {
            for (String group : new TreeSet<>(outcomes.stream().map(o -> grouping.apply(o.question())).toList())) {
                row(report, split, group, Rates.of(outcomes.stream().filter(o -> grouping.apply(o.question()).equals(group)).toList()));
            }
        }
        return total;
    }

    private static void row(StringBuilder report, String split, String group, Rates rates) {
        report.append("| ").append(split).append(" | ").append(group).append(" | ").append(rates.count()).append(" | ")
                .append(rates.answerable()).append(" | ").append(format(rates.firstSentence())).append(" | ")
                .append(format(rates.anywhere())).append(" | ").append(format(rates.noAnswerPrecision())).append(" | ")
                .append(format(rates.noAnswerRecall())).append(" |\n");
    }

    private static void require(List<String> failures, String what, double value, double floor) {
        if (Double.isNaN(value) || value < floor) {
            failures.add(what + " " + format(value) + " below its floor " + floor);
        }
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
