package bhr.assistant.eval;

import bhr.assistant.answer.AnswerConfig;
import bhr.assistant.kb.KnowledgeDocument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retrieval quality, measured: the project's labelled questions over the bundled knowledge base, and two public
 * Indonesian sets (../shared/eval) as a check that tuning generalises. Prints the figures; with
 * -Deval.record=true also writes them to src/test/resources/eval/RESULTS.md. Fails when the pipeline drops below
 * the plain-BM25 baseline or below the retrieval targets. Whether answers state the fact, and refuse what the
 * knowledge base cannot answer, is {@link ReaderQualityTest}'s.
 */
@MicronautTest(startApplication = false)
class RetrievalQualityTest {

    static final double MRR_TARGET = 0.85;
    static final double RECALL_AT_3_TARGET = 0.90;
    /** Per question type the groups are small (13–48): one question moves MRR by up to 0.04, so allow one. */
    static final double PER_TYPE_TOLERANCE = 0.03;

    @Inject
    AnswerConfig config;

    @Test
    void bhr_questions_meet_the_targets_and_beat_plain_bm25_for_every_question_type() throws IOException {
        List<EvalQuestion> questions = Corpora.bhrQuestions();
        List<KnowledgeDocument> documents = Corpora.bundledKnowledgeBase();
        checkLabels(questions, documents);
        Ranker full = new FullPipeline(documents, config);
        Ranker baseline = new PlainBm25(documents);
        Map<Ranker, List<Ranker.Ranking>> rankings = new LinkedHashMap<>();
        for (Ranker ranker : List.of(full, baseline)) {
            rankings.put(ranker, questions.stream().map(question -> ranker.rank(question.question())).toList());
        }

        StringBuilder report = new StringBuilder("## BHR questions over the bundled knowledge base\n\n")
                .append(questions.size()).append(" questions (").append(questions.stream().filter(EvalQuestion::answerable).count())
                .append(" answerable), ").append(documents.size()).append(" documents, ")
                .append(documents.stream().mapToInt(d -> d.passages().size()).sum()).append(" passages.\n\n")
                .append("| split | type | n | system | R@1 | R@3 | MRR@10 | no-answer P | no-answer R |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n");
        Set<String> types = new TreeSet<>(questions.stream().map(EvalQuestion::type).toList());
        List<String> failures = new ArrayList<>();
        for (String split : List.of("all", "valid", "test")) {
            List<String> groups = new ArrayList<>(List.of("all"));
            groups.addAll(types);
            for (String type : groups) {
                List<Integer> selected = new ArrayList<>();
                for (int i = 0; i < questions.size(); i++) {
                    EvalQuestion question = questions.get(i);
                    if ((split.equals("all") || question.split().equals(split)) && (type.equals("all") || question.type().equals(type))) {
                        selected.add(i);
                    }
                }
                if (selected.isEmpty()) {
                    continue;
                }
                Map<Ranker, Metrics> metrics = new LinkedHashMap<>();
                for (Map.Entry<Ranker, List<Ranker.Ranking>> entry : rankings.entrySet()) {
                    Metrics m = Metrics.of(selected.stream().map(questions::get).toList(), selected.stream().map(entry.getValue()::get).toList());
                    metrics.put(entry.getKey(), m);
                    boolean isBaseline = entry.getKey() == baseline;
                    report.append("| ").append(split).append(" | ").append(type).append(" | ").append(selected.size()).append(" | ")
                            .append(entry.getKey().name()).append(" | ").append(Metrics.format(m.recallAt1())).append(" | ")
                            .append(Metrics.format(m.recallAt3())).append(" | ").append(Metrics.format(m.mrrAt10())).append(" | ")
                            .append(isBaseline ? "-" : Metrics.format(m.noAnswerPrecision())).append(" | ")
                            .append(isBaseline ? "-" : Metrics.format(m.noAnswerRecall())).append(" |\n");
                }
                Metrics ours = metrics.get(full);
                Metrics theirs = metrics.get(baseline);
                double tolerance = type.equals("all") ? 0 : PER_TYPE_TOLERANCE;
                if (split.equals("all") && ours.answerable() > 0 && ours.mrrAt10() < theirs.mrrAt10() - tolerance) {
                    failures.add(type + ": MRR@10 " + Metrics.format(ours.mrrAt10()) + " below baseline " + Metrics.format(theirs.mrrAt10()));
                }
                if (split.equals("all") && type.equals("all")) {
                    require(failures, "MRR@10", ours.mrrAt10(), MRR_TARGET);
                    require(failures, "Recall@3", ours.recallAt3(), RECALL_AT_3_TARGET);
                }
            }
        }
        publish(report.toString());
        printMisses(questions, rankings.get(full));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void outside_indonesian_sets_are_at_or_above_plain_bm25() throws IOException {
        Assumptions.assumeTrue(Corpora.outsideSetsPresent(), "../shared/eval is not beside the repository");
        StringBuilder report = new StringBuilder("## Outside sets (../shared/eval), each corpus as the knowledge base\n\n")
                .append("| set | split | n | system | R@1 | R@10 | MRR@10 |\n|---|---|---|---|---|---|---|\n");
        List<String> failures = new ArrayList<>();
        for (String name : List.of("tydiqa-id", "facqa-id")) {
            List<KnowledgeDocument> documents = Corpora.outsideCorpus(name);
            Ranker full = new FullPipeline(documents, config);
            Ranker baseline = new PlainBm25(documents);
            for (String split : List.of("valid", "test")) {
                List<EvalQuestion> questions = Corpora.outsideQuestions(name, split);
                Map<Ranker, Metrics> metrics = new LinkedHashMap<>();
                for (Ranker ranker : List.of(full, baseline)) {
                    List<Ranker.Ranking> rankings = questions.stream().map(q -> ranker.rank(q.question())).toList();
                    Metrics m = Metrics.of(questions, rankings);
                    metrics.put(ranker, m);
                    report.append("| ").append(name).append(" | ").append(split).append(" | ").append(questions.size()).append(" | ")
                            .append(ranker.name()).append(" | ").append(Metrics.format(m.recallAt1())).append(" | ")
                            .append(Metrics.format(recallAt10(questions, rankings))).append(" | ").append(Metrics.format(m.mrrAt10())).append(" |\n");
                }
                if (metrics.get(full).mrrAt10() < metrics.get(baseline).mrrAt10()) {
                    failures.add(name + " " + split + ": MRR@10 " + Metrics.format(metrics.get(full).mrrAt10())
                            + " below plain BM25 " + Metrics.format(metrics.get(baseline).mrrAt10()));
                }
            }
        }
        publish(report.toString());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static double recallAt10(List<EvalQuestion> questions, List<Ranker.Ranking> rankings) {
        int hit = 0;
        for (int i = 0; i < questions.size(); i++) {
            List<String> top = rankings.get(i).passageIds();
            if (top.stream().limit(10).anyMatch(questions.get(i).passages()::contains)) {
                hit++;
            }
        }
        return questions.isEmpty() ? Double.NaN : (double) hit / questions.size();
    }

    private static void require(List<String> failures, String what, double value, double target) {
        if (Double.isNaN(value) || value < target) {
            failures.add(what + " " + Metrics.format(value) + " below target " + target);
        }
    }

    /** Every labelled passage must exist: a renamed heading otherwise silently turns a question into a miss. */
    private static void checkLabels(List<EvalQuestion> questions, List<KnowledgeDocument> documents) {
        Set<String> ids = documents.stream().flatMap(d -> d.passages().stream()).map(p -> p.id()).collect(Collectors.toSet());
        List<String> unknown = questions.stream().flatMap(q -> q.passages().stream()).filter(id -> !ids.contains(id)).distinct().toList();
        assertTrue(unknown.isEmpty(), "labels name passages that do not exist: " + unknown);
    }

    private static void printMisses(List<EvalQuestion> questions, List<Ranker.Ranking> rankings) {
        if (!Boolean.getBoolean("eval.misses")) {
            return;
        }
        for (int i = 0; i < questions.size(); i++) {
            EvalQuestion question = questions.get(i);
            Ranker.Ranking ranking = rankings.get(i);
            boolean top3 = ranking.passageIds().stream().limit(Boolean.getBoolean("eval.strict") ? 1 : 3).anyMatch(question.passages()::contains);
            boolean wrongAbstention = question.answerable() != ranking.found();
            if ((question.answerable() && !top3) || wrongAbstention) {
                System.out.printf("MISS %s [%s/%s] found=%s %s%n   gold=%s%n   got=%s%n", question.id(), question.type(), question.split(),
                        ranking.found(), question.question(), question.passages(), ranking.passageIds().stream().limit(3).toList());
            }
        }
    }

    private static void publish(String section) throws IOException {
        ResultsFile.publish(section);
    }
}
