package bhr.assistant.answer;

import bhr.assistant.kb.LanguageDetector;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.search.Retrieval;
import bhr.assistant.search.SearchRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
     * Answers are worked out on one thread per core; further questions queue in arrival order. Answering is pure
     * CPU work, and 32 answers at once on 2 cores gave about 1,200 answers/s where the same load two at a time
     * gave about 1,600 (measured): the extra threads only evict each other's caches. Idle threads end after a
     * while, so a service (or a test) that stops asking holds none.
     */
    private final ThreadPoolExecutor workers;

    public AnswerService(PassageRetriever retriever, AnswerConfig config) {
        this.retriever = retriever;
        this.config = config;
        this.composer = new AnswerComposer(config);
        this.cache = new AnswerCache(config.cacheSize());
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(cores, cores, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "answer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        workers.allowCoreThreadTimeOut(true);
    }

    /**
     * The answer, worked out on the caller's thread: for callers with threads of their own, which bound their own
     * concurrency (Telegram's chat workers). Handing the work to the answer threads and waiting for it had cost a
     * lone caller 110 to 180 µs per answer, a third of the answer itself (measured).
     */
    public Answer ask(Question question) {
        String text = QuestionText.normalize(question.text());
        return answerOrCached(question, text, retriever.knowledgeBaseVersion());
    }

    /**
     * The answer, worked out on the answer threads; a question already answered under the current knowledge base
     * comes from the cache at once, without queueing behind questions that need a search.
     */
    public CompletableFuture<Answer> askAsync(Question question) {
        String text = QuestionText.normalize(question.text());
        OptionalLong version = retriever.knowledgeBaseVersion();
        Optional<Answer> cached = version.isEmpty() ? Optional.empty() : cache.cached(question, text, version.getAsLong());
        return cached.map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.supplyAsync(() -> answerOrCached(question, text, version), workers));
    }

    /** @param version read before answering: an answer is never filed under a version newer than its own */
    private Answer answerOrCached(Question question, String text, OptionalLong version) {
        return version.isEmpty()
                ? answer(question, text)
                : cache.get(question, text, version.getAsLong(), () -> answer(question, text));
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
