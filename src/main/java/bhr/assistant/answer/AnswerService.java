package bhr.assistant.answer;

import bhr.assistant.kb.LanguageDetector;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.search.Retrieval;
import bhr.assistant.search.SearchRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;

/**
 * Answers a question from the knowledge base. The flow:
 * <ol>
 *   <li>decide the answer language: the user's choice, else detected from the question;</li>
 *   <li>retrieve passages, the best passage of each document first;</li>
 *   <li>decide whether they answer it: enough of the question's weight must be found in a top passage;</li>
 *   <li>compose the short answer from their best sentences, each with its citation marker;</li>
 *   <li>otherwise say so, with how to ask and questions the knowledge base can answer.</li>
 * </ol>
 * A question asked again before the knowledge base changes gets the same answer from {@link AnswerCache}.
 * Front ends (HTTP, Telegram, web) all come through here.
 */
@Singleton
public class AnswerService {

    private static final int EXAMPLES_SHOWN = 3;

    private final PassageRetriever retriever;
    private final AnswerConfig config;
    private final AnswerComposer composer;
    private final AnswerCache cache;
    /**
     * At most one answer per core is worked out at a time; further askers queue in arrival order. Answering is
     * pure CPU work, and 32 answers at once on 2 cores gave about 1,200 answers/s where the same load through
     * 2 permits gave about 1,600 (measured): the extra threads only evict each other's caches.
     */
    private final Semaphore working = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public AnswerService(PassageRetriever retriever, AnswerConfig config) {
        this.retriever = retriever;
        this.config = config;
        this.composer = new AnswerComposer(config);
        this.cache = new AnswerCache(config.cacheSize());
    }

    public Answer ask(Question question) {
        String text = QuestionText.normalize(question.text());
        // Read before answering: an answer is never filed under a version newer than the one it was built from.
        OptionalLong version = retriever.knowledgeBaseVersion();
        return version.isEmpty() ? answer(question, text) : cache.get(question, text, version.getAsLong(), () -> answerInTurn(question, text));
    }

    private Answer answerInTurn(Question question, String text) {
        working.acquireUninterruptibly();
        try {
            return answer(question, text);
        } finally {
            working.release();
        }
    }

    private Answer answer(Question question, String text) {
        String language = question.language().orElseGet(() -> LanguageDetector.detect(text));
        Messages messages = Messages.forLanguage(language);
        Retrieval retrieval = retriever.retrieve(new SearchRequest(text, question.limit(), question.actor(), true, Optional.of(language)));
        if (retrieval.hits().isEmpty() || retrieval.coverage() < config.minCoverage()) {
            return notFound(question.text(), text, language, messages, !retrieval.hasQueryTerms());
        }
        AnswerComposer.Composition composition = composer.compose(retrieval.hits(), question.limit(), messages, language);
        return new Answer(question.text(), composition.text(), true, composition.citations(), language);
    }

    private static Answer notFound(String original, String text, String language, Messages messages, boolean tooVague) {
        List<String> examples = messages.list("examples");
        StringBuilder reply = new StringBuilder(messages.get(tooVague ? "tooVague" : "notFound"))
                .append(' ').append(messages.get("howToAsk"));
        // Rotate the examples by the question so repeated failures do not always suggest the same three.
        int offset = Math.floorMod(text.hashCode(), examples.size());
        for (int i = 0; i < Math.min(EXAMPLES_SHOWN, examples.size()); i++) {
            reply.append("\n- ").append(examples.get((offset + i) % examples.size()));
        }
        return new Answer(original, reply.toString(), false, List.of(), language);
    }

    /** The example questions offered to users in a language: front ends show them too. */
    public List<String> exampleQuestions(String language) {
        return Messages.forLanguage(language).list("examples");
    }
}
