package bhr.assistant.reader;

import bhr.assistant.index.AnalysedSentence;
import bhr.assistant.search.Concept;
import bhr.assistant.search.PassageHit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The numbers the reader's two models weigh. Each is a plain property of the question, a passage or a sentence
 * (how much of the question's weight it holds, whether it has the kind of thing asked for, where it stands); the
 * weights are learned ({@code ReaderTraining}), never set by hand.
 */
final class Features {

    /** For choosing the sentence that answers: one row per sentence of each passage read. */
    static final List<String> SENTENCE = List.of(
            "sentenceCoverage", "sharedConcepts", "coverageVsPassageBest", "coverageVsAllBest", "bestInPassage", "pairs",
            "exactWords", "density", "anaphoricStart", "localCoverage",
            "passageCoverage", "headingCoverage", "previousCoverage", "firstSentence", "relativePosition", "retrievalRank",
            "topPassage", "scoreRatio", "answerType", "answerTypeCovered", "novelty", "logLength", "list", "listAsked", "sameLanguage");
    /** For deciding whether the chosen sentence answers at all: one row per question. */
    static final List<String> ANSWERABILITY = List.of(
            "leadProbability", "margin", "passageMass", "passageCoverage", "sentenceCoverage", "contextCoverage", "rarestMissing",
            "missingShare", "unknownShare", "yearMissing", "namesMissing", "answerType", "typedIntent", "logScorePerConcept",
            "logConcepts", "headingCoverage", "firstSentence");

    /**
     * What the answerability model weighs: every feature twice, once as it is and once only for passages of structured
     * documents (sections under headings, as the knowledge base is written), zero elsewhere (encyclopaedia paragraphs,
     * PDF pages). One model thus learns what holds everywhere and what differs in a curated FAQ-like knowledge base:
     * Daumé's "frustratingly easy" domain adaptation, IDK-MRC's paragraphs and our sections being the two domains. A
     * user's own context ("sy punya pabrik 50 karyawan") is a missing word in a section but a near miss in IDK-MRC.
     * The sentence model is not split so: with the split, BHR valid's leads fell from 0.660 to 0.583 stating the fact
     * (IDK-MRC valid 0.678 to 0.694): our few training questions are not enough to learn a second set of weights.
     */
    static final List<String> ANSWERABILITY_INPUTS = augmented(ANSWERABILITY);

    private static final int SENTENCE_COVERAGE = SENTENCE.indexOf("sentenceCoverage");
    private static final int HEADING_COVERAGE = SENTENCE.indexOf("headingCoverage");
    private static final int PREVIOUS_COVERAGE = SENTENCE.indexOf("previousCoverage");
    private static final int ANSWER_TYPE = SENTENCE.indexOf("answerType");
    private static final int FIRST_SENTENCE = SENTENCE.indexOf("firstSentence");

    private Features() {
    }

    private static List<String> augmented(List<String> features) {
        List<String> inputs = new ArrayList<>(features);
        features.forEach(feature -> inputs.add("structured:" + feature));
        return List.copyOf(inputs);
    }

    /** The model input for a row of features of a passage: the row, then the row again if the passage is structured. */
    static double[] inputs(double[] row, boolean structured) {
        double[] inputs = Arrays.copyOf(row, row.length * 2);
        if (structured) {
            System.arraycopy(row, 0, inputs, row.length, row.length);
        }
        return inputs;
    }

    /** What a passage holds of the question, worked out once for all its sentences. */
    record PassageView(PassageHit hit, int rank, List<Concept> concepts, double coverage, double headingCoverage,
                       double rarestMissing, double missingShare, double unknownShare, boolean yearMissing, double namesMissing) {

        /** A section under headings, as the knowledge base is written (not a bare paragraph or a PDF page). */
        boolean structured() {
            return !hit.passage().headingPath().isEmpty();
        }

        static PassageView of(ReaderQuestion question, PassageHit hit, int rank, List<Concept> concepts, double unseenWeight) {
            String[] terms = hit.analysis().terms();
            double rarestMissing = 0;
            int missing = 0;
            int unknown = 0;
            for (Concept concept : concepts) {
                if (!concept.foundIn(terms)) {
                    missing++;
                    rarestMissing = Math.max(rarestMissing, concept.weight());
                }
                if (!concept.known()) {
                    unknown++;
                }
            }
            int count = Math.max(1, concepts.size());
            String[] words = hit.analysis().words();
            boolean yearMissing = question.years().stream().anyMatch(year -> Arrays.binarySearch(words, year) < 0);
            long namesMissing = question.names().stream().filter(name -> Arrays.binarySearch(words, name) < 0).count();
            return new PassageView(hit, rank, concepts, Features.coverage(concepts, terms), Features.coverage(concepts, hit.analysis().headingTerms()),
                    unseenWeight == 0 ? 0 : rarestMissing / unseenWeight, (double) missing / count, (double) unknown / count,
                    yearMissing, question.names().isEmpty() ? 0 : (double) namesMissing / question.names().size());
        }
    }

    /**
     * Which question concept each of a sentence's terms stands for, worked out once per sentence: the features below
     * all count concepts in a sentence, and looking each term up once (rather than each concept's names in each
     * sentence) keeps reading a question's 30 to 60 sentences cheap.
     */
    record ConceptMatches(int[] conceptAt, boolean[] found, int ownTerms) {

        static ConceptMatches of(Map<String, Integer> byName, int concepts, AnalysedSentence sentence) {
            String[] sequence = sentence.sequence();
            int[] conceptAt = new int[sequence.length];
            boolean[] found = new boolean[concepts];
            for (int i = 0; i < sequence.length; i++) {
                Integer concept = byName.get(sequence[i]);
                conceptAt[i] = concept == null ? -1 : concept;
                if (concept != null) {
                    found[concept] = true;
                }
            }
            int own = 0;
            for (String term : sentence.terms()) {
                own += byName.containsKey(term) ? 0 : 1;
            }
            return new ConceptMatches(conceptAt, found, own);
        }
    }

    /** Each name of each concept, to the concept's index (the first concept, where two share a name). */
    static Map<String, Integer> byName(List<Concept> concepts) {
        Map<String, Integer> byName = new HashMap<>();
        for (int c = 0; c < concepts.size(); c++) {
            for (String name : concepts.get(c).names()) {
                byName.putIfAbsent(name, c);
            }
        }
        return byName;
    }

    /**
     * The features of every sentence of the passages, passage by passage in reading order. Some compare a sentence
     * with the others (its coverage beside the best of its passage and of all), so they are worked out together.
     */
    static List<double[]> sentences(ReaderQuestion question, List<PassageView> passages) {
        float bestScore = 0;
        double bestOfAll = 0;
        List<ConceptMatches[]> matchesByPassage = new ArrayList<>(passages.size());
        List<double[]> coverages = new ArrayList<>(passages.size());
        Map<List<Concept>, Map<String, Integer>> names = new HashMap<>();
        for (PassageView passage : passages) {
            bestScore = Math.max(bestScore, passage.hit().score());
            List<Concept> concepts = passage.concepts();
            Map<String, Integer> byName = names.computeIfAbsent(concepts, Features::byName);
            List<AnalysedSentence> sentences = passage.hit().sentences();
            ConceptMatches[] matches = new ConceptMatches[sentences.size()];
            double[] covered = new double[sentences.size()];
            for (int i = 0; i < covered.length; i++) {
                matches[i] = ConceptMatches.of(byName, concepts.size(), sentences.get(i));
                covered[i] = coverage(concepts, matches[i].found());
                bestOfAll = Math.max(bestOfAll, covered[i]);
            }
            matchesByPassage.add(matches);
            coverages.add(covered);
        }
        boolean listAsked = question.intent() == QuestionIntent.LIST || question.intent() == QuestionIntent.HOW;
        String lowerQuestion = question.lowerCase();
        List<double[]> rows = new ArrayList<>();
        for (int p = 0; p < passages.size(); p++) {
            PassageView passage = passages.get(p);
            List<AnalysedSentence> sentences = passage.hit().sentences();
            List<Concept> concepts = passage.concepts();
            ConceptMatches[] matches = matchesByPassage.get(p);
            double[] covered = coverages.get(p);
            double bestOfPassage = Arrays.stream(covered).max().orElse(0);
            double[] local = localCoverage(concepts, matches);
            for (int i = 0; i < sentences.size(); i++) {
                AnalysedSentence sentence = sentences.get(i);
                ConceptMatches match = matches[i];
                double coverage = covered[i];
                boolean answerType = AnswerTypes.present(question.intent(), sentence.mentions(), lowerQuestion);
                rows.add(new double[] {
                        coverage,
                        shared(match.found()),
                        bestOfPassage == 0 ? 0 : coverage / bestOfPassage,
                        bestOfAll == 0 ? 0 : coverage / bestOfAll,
                        bestOfPassage > 0 && coverage == bestOfPassage ? 1 : 0,
                        pairs(concepts.size(), match.conceptAt()),
                        exactWords(question.words(), sentence.words()),
                        density(match),
                        ANAPHORIC_START.matcher(sentence.text()).lookingAt() ? 1 : 0,
                        local[i],
                        passage.coverage(),
                        passage.headingCoverage(),
                        i == 0 ? passage.headingCoverage() : covered[i - 1],
                        i == 0 ? 1 : 0,
                        sentences.size() < 2 ? 0 : (double) i / (sentences.size() - 1),
                        1.0 / (1 + passage.rank()),
                        passage.rank() == 0 ? 1 : 0,
                        bestScore <= 0 ? 0 : passage.hit().score() / bestScore,
                        answerType ? 1 : 0,
                        answerType ? coverage : 0,
                        sentence.terms().length == 0 ? 0 : (double) match.ownTerms() / sentence.terms().length,
                        Math.log1p(sentence.terms().length),
                        sentence.list() ? 1 : 0,
                        sentence.list() && listAsked ? 1 : 0,
                        passage.hit().document().language().equals(question.language()) ? 1 : 0,
                });
            }
        }
        return rows;
    }

    /**
     * Each sentence's share of the question's weight, where a word counts by how few of the passage's sentences have
     * it: in a section about PRISMA every sentence says "PRISMA", and the one that answers "is PRISMA mandatory" is
     * the one that also says "wajib".
     */
    static double[] localCoverage(List<Concept> concepts, ConceptMatches[] sentences) {
        int n = sentences.length;
        double[] weights = new double[concepts.size()];
        for (int c = 0; c < concepts.size(); c++) {
            int with = 0;
            for (ConceptMatches sentence : sentences) {
                with += sentence.found()[c] ? 1 : 0;
            }
            weights[c] = concepts.get(c).weight() * Math.log((n + 1.0) / (with + 0.5));
        }
        double total = Arrays.stream(weights).sum();
        double[] local = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < concepts.size(); c++) {
                local[i] += sentences[i].found()[c] ? weights[c] : 0;
            }
            local[i] = total <= 0 ? 0 : local[i] / total;
        }
        return local;
    }

    /**
     * A sentence opening with a pronoun ("Ia", "Hal ini", "They") or as the second or later item of a run ("(2)",
     * "Kedua,", "Second,") leans on the one before it and cannot lead alone: "(2) Identify the most severe risks" is
     * not what a small business does first.
     */
    private static final Pattern ANAPHORIC_START = Pattern.compile(
            "(?i)((ia|dia|beliau|mereka|hal ini|hal itu|ini|itu|tersebut|it|he|she|they|this|these|those|its|his|her|their"
            + "|kedua|ketiga|keempat|kelima|keenam|selain itu|second|secondly|third|thirdly|fourth|fifth|finally)\\b"
            + "|\\(?([2-9]|1[0-9]|[b-h])\\)\\s)");

    /** The share of the question's own words (as typed, lower-cased, three letters or more) found in the sentence. */
    static double exactWords(List<String> questionWords, String[] sentenceWords) {
        if (questionWords.isEmpty()) {
            return 0;
        }
        int found = 0;
        for (String word : questionWords) {
            found += Arrays.binarySearch(sentenceWords, word) >= 0 ? 1 : 0;
        }
        return (double) found / questionWords.size();
    }

    /**
     * How close together the question's words stand in the sentence: the number of distinct question concepts found,
     * over the length of the shortest stretch of the sentence holding them all (1 when they stand side by side).
     */
    static double density(ConceptMatches matches) {
        int present = 0;
        for (boolean found : matches.found()) {
            present += found ? 1 : 0;
        }
        if (present < 2) {
            return present == 0 ? 0 : 1;
        }
        int[] conceptAt = matches.conceptAt();
        int[] counts = new int[matches.found().length];
        int covered = 0;
        int shortest = Integer.MAX_VALUE;
        for (int right = 0, left = 0; right < conceptAt.length; right++) {
            if (conceptAt[right] >= 0 && counts[conceptAt[right]]++ == 0) {
                covered++;
            }
            while (covered == present) {
                shortest = Math.min(shortest, right - left + 1);
                if (conceptAt[left] >= 0 && --counts[conceptAt[left]] == 0) {
                    covered--;
                }
                left++;
            }
        }
        return (double) present / shortest;
    }

    /**
     * The share of the question's neighbouring word pairs ("uji tuntas", "pekerja anak", "born in") that stand side
     * by side in the sentence too: a sentence restating the question's phrase is likelier about the same thing.
     */
    static double pairs(int concepts, int[] conceptAt) {
        if (concepts < 2) {
            return 0;
        }
        boolean[] pair = new boolean[concepts - 1];
        for (int i = 0; i + 1 < conceptAt.length; i++) {
            if (conceptAt[i] >= 0 && conceptAt[i + 1] == conceptAt[i] + 1) {
                pair[conceptAt[i]] = true;
            }
        }
        int found = 0;
        for (boolean present : pair) {
            found += present ? 1 : 0;
        }
        return (double) found / (concepts - 1);
    }

    /**
     * @param lead        the chosen sentence's features ({@link #SENTENCE})
     * @param probability the sentence model's probability for it
     * @param runnerUp    the best probability of a sentence of another passage: a rival answer, where the next
     *                    sentence of the same passage only carries on the lead's
     * @param passageMass the probabilities of all the lead's passage's sentences together
     */
    static double[] answerability(ReaderQuestion question, PassageView passage, double[] lead, double probability, double runnerUp,
                                  double passageMass) {
        double context = Math.max(lead[SENTENCE_COVERAGE], Math.max(lead[HEADING_COVERAGE], lead[PREVIOUS_COVERAGE]));
        return new double[] {
                probability,
                probability - runnerUp,
                passageMass,
                passage.coverage(),
                lead[SENTENCE_COVERAGE],
                context,
                passage.rarestMissing(),
                passage.missingShare(),
                passage.unknownShare(),
                passage.yearMissing() ? 1 : 0,
                passage.namesMissing(),
                lead[ANSWER_TYPE],
                question.intent().typed() ? 1 : 0,
                Math.log1p(passage.hit().score() / Math.max(1, passage.concepts().size())),
                Math.log1p(passage.concepts().size()),
                passage.headingCoverage(),
                lead[FIRST_SENTENCE],
        };
    }

    /** The share of the concepts' weight found among the sorted terms. */
    static double coverage(List<Concept> concepts, String[] terms) {
        double total = 0;
        double found = 0;
        for (Concept concept : concepts) {
            total += concept.weight();
            if (concept.foundIn(terms)) {
                found += concept.weight();
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** The share of the concepts' weight among those found. */
    static double coverage(List<Concept> concepts, boolean[] found) {
        double total = 0;
        double covered = 0;
        for (int c = 0; c < concepts.size(); c++) {
            total += concepts.get(c).weight();
            covered += found[c] ? concepts.get(c).weight() : 0;
        }
        return total == 0 ? 0 : covered / total;
    }

    /** The share of the concepts found, each counted once whatever its weight. */
    private static double shared(boolean[] found) {
        if (found.length == 0) {
            return 0;
        }
        int count = 0;
        for (boolean present : found) {
            count += present ? 1 : 0;
        }
        return (double) count / found.length;
    }
}
