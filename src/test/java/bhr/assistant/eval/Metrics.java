package bhr.assistant.eval;

import java.util.List;
import java.util.Locale;

/**
 * Retrieval and abstention figures over a set of questions.
 *
 * @param recallAt1  share of answerable questions with a gold passage ranked first
 * @param recallAt3  ... within the first three
 * @param mrrAt10    mean reciprocal rank of the first gold passage within ten (0 beyond)
 * @param noAnswerPrecision of the questions the system declined, the share that were truly unanswerable
 * @param noAnswerRecall    of the unanswerable questions, the share the system declined
 */
record Metrics(int answerable, int unanswerable, double recallAt1, double recallAt3, double mrrAt10,
               double noAnswerPrecision, double noAnswerRecall) {

    static Metrics of(List<EvalQuestion> questions, List<Ranker.Ranking> rankings) {
        int answerable = 0;
        int unanswerable = 0;
        double r1 = 0;
        double r3 = 0;
        double mrr = 0;
        int declined = 0;
        int declinedCorrectly = 0;
        for (int i = 0; i < questions.size(); i++) {
            EvalQuestion question = questions.get(i);
            Ranker.Ranking ranking = rankings.get(i);
            if (!ranking.found()) {
                declined++;
                if (!question.answerable()) {
                    declinedCorrectly++;
                }
            }
            if (!question.answerable()) {
                unanswerable++;
                continue;
            }
            answerable++;
            int rank = firstGoldRank(question, ranking.passageIds());
            if (rank == 1) {
                r1++;
            }
            if (rank >= 1 && rank <= 3) {
                r3++;
            }
            if (rank >= 1 && rank <= 10) {
                mrr += 1.0 / rank;
            }
        }
        return new Metrics(answerable, unanswerable,
                answerable == 0 ? Double.NaN : r1 / answerable,
                answerable == 0 ? Double.NaN : r3 / answerable,
                answerable == 0 ? Double.NaN : mrr / answerable,
                declined == 0 ? Double.NaN : (double) declinedCorrectly / declined,
                unanswerable == 0 ? Double.NaN : (double) declinedCorrectly / unanswerable);
    }

    private static int firstGoldRank(EvalQuestion question, List<String> ranked) {
        for (int i = 0; i < ranked.size(); i++) {
            if (question.passages().contains(ranked.get(i))) {
                return i + 1;
            }
        }
        return -1;
    }

    static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
