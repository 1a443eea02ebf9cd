package bhr.assistant.reader;

import bhr.assistant.index.AnalysedSentence;
import bhr.assistant.search.PassageHit;
import bhr.assistant.search.Retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the retrieved passages for the sentence that answers the question, and decides whether it does. The flow:
 * <ol>
 *   <li>work out what the question asks for (a date, a number, a name, yes or no, a definition, steps, a list);</li>
 *   <li>score every sentence of the top passages with the sentence model: how well it answers <em>this</em>
 *       question (its share of the question's weight, the asked kind of thing in it, its heading, its place);</li>
 *   <li>lead with the best one, preferring the question's language when another language only scores a little
 *       higher;</li>
 *   <li>decide found / not found with the answerability model over the lead, its passage and its margin;</li>
 *   <li>add the sentences that support the lead: what follows it in its passage, and the best of another passage
 *       when it scores nearly as well.</li>
 * </ol>
 * Both models are logistic regressions learned from IDK-MRC and our own BHR questions ({@code ReaderTraining}).
 */
public final class Reader {

    /** How many of the top passages are read. */
    public static final int PASSAGES_READ = 5;
    /** A lead in the question's language is preferred when it scores within this of the best in another language. */
    static final double LANGUAGE_SLACK = 0.15;
    /** A sentence of another passage supports the lead only when it scores at least this share of it. */
    static final double SUPPORT_SHARE = 0.7;
    /** The sentence after the lead follows it when it scores at least this share of it (or the lead leads into it). */
    static final double FOLLOWER_SHARE = 0.3;
    /** Sentences sharing this much of their vocabulary say the same thing; the later one is dropped. */
    private static final double NEAR_DUPLICATE = 0.6;

    private final ReaderModel model;
    private final int maxSentences;

    public Reader(ReaderModel model, int maxSentences) {
        this.model = model;
        this.maxSentences = Math.max(1, maxSentences);
    }

    /** A sentence of a passage with its features and the sentence model's probability that it answers. */
    record Candidate(int hit, int sentence, Features.PassageView passage, double[] features, double probability) {

        AnalysedSentence analysed() {
            return passage.hit().sentences().get(sentence);
        }
    }

    public Reading read(String question, String language, Retrieval retrieval) {
        ReaderQuestion asked = ReaderQuestion.of(question, language);
        List<Candidate> candidates = candidates(asked, retrieval);
        if (candidates.isEmpty()) {
            return new Reading(false, 0, asked.intent(), List.of());
        }
        Candidate lead = lead(asked, candidates);
        double confidence = model.answerability().probability(Features.inputs(answerabilityFeatures(asked, lead, candidates),
                lead.passage().structured()));
        List<Candidate> chosen = support(lead, candidates);
        List<Reading.Chosen> sentences = chosen.stream()
                .map(c -> new Reading.Chosen(c.hit(), c.analysed().text(), c.analysed().start(), c.analysed().list())).toList();
        return new Reading(confidence >= model.threshold(lead.passage().structured()), confidence, asked.intent(), sentences);
    }

    /**
     * Every sentence of the passages read, best first (equal scores in retrieval and reading order). A candidate's
     * probability is its share of the sentence model's weight over all candidates (a softmax of the model's scores):
     * the model was trained to pick one sentence among those of a question, not to judge sentences one by one.
     */
    List<Candidate> candidates(ReaderQuestion asked, Retrieval retrieval) {
        List<PassageHit> hits = retrieval.hits();
        List<Features.PassageView> passages = new ArrayList<>();
        for (int i = 0; i < Math.min(PASSAGES_READ, hits.size()); i++) {
            PassageHit hit = hits.get(i);
            passages.add(Features.PassageView.of(asked, hit, i, retrieval.concepts(hit.document().language()), retrieval.unseenWeight()));
        }
        List<double[]> rows = Features.sentences(asked, passages);
        double[] logits = rows.stream().mapToDouble(row -> model.sentences().logit(row)).toArray();
        double[] probabilities = softmax(logits);
        List<Candidate> candidates = new ArrayList<>(rows.size());
        int row = 0;
        for (Features.PassageView passage : passages) {
            for (int s = 0; s < passage.hit().sentences().size(); s++, row++) {
                candidates.add(new Candidate(passage.rank(), s, passage, rows.get(row), probabilities[row]));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::probability).reversed()
                .thenComparingInt(Candidate::hit).thenComparingInt(Candidate::sentence));
        return candidates;
    }

    static double[] softmax(double[] logits) {
        double max = Arrays.stream(logits).max().orElse(0);
        double[] exp = Arrays.stream(logits).map(logit -> Math.exp(logit - max)).toArray();
        double sum = Arrays.stream(exp).sum();
        return Arrays.stream(exp).map(value -> value / sum).toArray();
    }

    /** The best candidate, or the best in the question's language when it scores nearly as well. */
    static Candidate lead(ReaderQuestion asked, List<Candidate> ranked) {
        Candidate best = ranked.get(0);
        if (sameLanguage(asked, best)) {
            return best;
        }
        return ranked.stream().filter(candidate -> sameLanguage(asked, candidate))
                .filter(candidate -> candidate.probability() >= best.probability() - LANGUAGE_SLACK)
                .findFirst().orElse(best);
    }

    private static boolean sameLanguage(ReaderQuestion asked, Candidate candidate) {
        return candidate.passage().hit().document().language().equals(asked.language());
    }

    static double[] answerabilityFeatures(ReaderQuestion asked, Candidate lead, List<Candidate> ranked) {
        double runnerUp = ranked.stream().filter(candidate -> candidate.hit() != lead.hit()).mapToDouble(Candidate::probability)
                .findFirst().orElse(0);
        double passageMass = ranked.stream().filter(candidate -> candidate.hit() == lead.hit()).mapToDouble(Candidate::probability).sum();
        return Features.answerability(asked, lead.passage(), lead.features(), lead.probability(), runnerUp, passageMass);
    }

    /** The lead, then what supports it, each at most once and none repeating another. */
    private List<Candidate> support(Candidate lead, List<Candidate> ranked) {
        List<Candidate> chosen = new ArrayList<>(List.of(lead));
        List<int[]> words = new ArrayList<>(List.of(words(lead.analysed().text())));
        // What follows the lead in its passage carries on its thought: the reason after a "Ya", the list after a lead-in.
        ranked.stream()
                .filter(candidate -> candidate.hit() == lead.hit() && candidate.sentence() == lead.sentence() + 1)
                .filter(next -> next.probability() >= FOLLOWER_SHARE * lead.probability() || leadsIn(lead.analysed().text()))
                .findFirst()
                .ifPresent(next -> addIfNew(next, chosen, words));
        for (Candidate candidate : ranked) {
            if (chosen.size() >= maxSentences || candidate.probability() < SUPPORT_SHARE * lead.probability()) {
                break;
            }
            if (candidate.hit() != lead.hit()) {
                addIfNew(candidate, chosen, words);
            }
        }
        return chosen.size() > maxSentences ? chosen.subList(0, maxSentences) : chosen;
    }

    private static boolean leadsIn(String sentence) {
        return sentence.endsWith(":");
    }

    private static void addIfNew(Candidate candidate, List<Candidate> chosen, List<int[]> words) {
        if (chosen.contains(candidate)) {
            return;
        }
        int[] own = words(candidate.analysed().text());
        if (own.length == 0 || words.stream().anyMatch(seen -> similarity(seen, own) >= NEAR_DUPLICATE)) {
            return;
        }
        words.add(own);
        chosen.add(candidate);
    }

    /** The distinct lower-cased runs of letters and digits, as sorted hashes (cheaper than sets of strings). */
    static int[] words(String sentence) {
        int[] hashes = new int[sentence.length() / 2 + 1];
        int count = 0;
        int hash = 0;
        boolean inWord = false;
        for (int i = 0; i <= sentence.length(); i++) {
            char c = i < sentence.length() ? sentence.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                hash = 31 * hash + Character.toLowerCase(c);
                inWord = true;
            } else if (inWord) {
                hashes[count++] = hash;
                hash = 0;
                inWord = false;
            }
        }
        return Arrays.stream(hashes, 0, count).sorted().distinct().toArray();
    }

    /** Jaccard similarity of two sorted sets of word hashes. */
    static double similarity(int[] a, int[] b) {
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - shared;
        return union == 0 ? 0 : (double) shared / union;
    }
}
