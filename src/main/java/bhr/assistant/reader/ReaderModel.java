package bhr.assistant.reader;

/**
 * The reader's two learned models, as shipped in {@code src/main/resources/reader/}: one scores how well a sentence
 * answers the question, the other the probability that the chosen sentence answers it at all (found when it reaches
 * its threshold, chosen on the valid splits). Trained on IDK-MRC (Putri &amp; Oh, EMNLP 2022; CC BY-SA 4.0) and on the
 * project's own BHR questions by {@code mvn -B test -Dtest=ReaderTraining -Dreader.train=true}; the resources carry
 * the attribution.
 */
public final class ReaderModel {

    static final String SENTENCE_MODEL = "/reader/sentence-model.tsv";
    static final String ANSWERABILITY_MODEL = "/reader/answerability-model.tsv";

    private final LinearModel sentences;
    private final LinearModel answerability;

    ReaderModel(LinearModel sentences, LinearModel answerability) {
        this.sentences = sentences;
        this.answerability = answerability;
    }

    /** The models shipped with the service. */
    public static ReaderModel bundled() {
        return new ReaderModel(LinearModel.read(SENTENCE_MODEL, Features.SENTENCE),
                LinearModel.read(ANSWERABILITY_MODEL, Features.ANSWERABILITY_INPUTS));
    }

    LinearModel sentences() {
        return sentences;
    }

    LinearModel answerability() {
        return answerability;
    }

    /**
     * The least answerability probability for found=true: one for sections of structured documents (chosen on BHR
     * valid, as the knowledge base is written), one for plain paragraphs and pages (chosen on IDK-MRC valid).
     */
    double threshold(boolean structured) {
        return answerability.threshold(structured);
    }
}
