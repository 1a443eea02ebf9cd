package bhr.assistant.answer;

import bhr.assistant.conversation.Conversation;
import bhr.assistant.conversation.SmallTalk;
import bhr.assistant.conversation.Turn;
import bhr.assistant.kb.LanguageDetector;
import bhr.assistant.reader.Reader;
import bhr.assistant.reader.ReaderModel;
import bhr.assistant.reader.Reading;
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
 *   <li>tell small talk from a question ({@link Conversation}): a greeting, thanks or chit-chat gets a short friendly
 *       reply and is never searched; a question loses its emoji, markup and the greeting or thanks around it;</li>
 *   <li>decide the answer language: the user's choice, else detected from the question;</li>
 *   <li>retrieve the best passages;</li>
 *   <li>read them ({@link Reader}): the sentence that states the asked fact, the sentences that support it, and
 *       whether they answer the question at all;</li>
 *   <li>compose the answer from those sentences, each with its citation marker, the fact first;</li>
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
    private final Reader reader;
    private final AnswerComposer composer = new AnswerComposer(java.time.Clock.systemDefaultZone());
    private final AnswerCache cache;
    /**
     * Answers are worked out on one thread per core; further questions queue in arrival order. Answering is pure
     * CPU work, and 32 answers at once on 2 cores gave about 1,200 answers/s where the same load two at a time
     * gave about 1,600 (measured): the extra threads only evict each other's caches. Idle threads end after a
     * while, so a service (or a test) that stops asking holds none.
     */
    private final ThreadPoolExecutor workers;

    @jakarta.inject.Inject
    public AnswerService(PassageRetriever retriever, AnswerConfig config) {
        this(retriever, config, new Reader(ReaderModel.bundled(), config.maxSentences()));
    }

    /** With a reader of one's own: for training and evaluating reader models. */
    public AnswerService(PassageRetriever retriever, AnswerConfig config, Reader reader) {
        this.retriever = retriever;
        this.config = config;
        this.reader = reader;
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
        Turn turn = Conversation.read(text);
        if (turn.smallTalk().isPresent()) {
            String language = question.language().or(turn::language).orElseGet(() -> LanguageDetector.detect(text));
            return smallTalk(question.text(), turn.smallTalk().get(), language);
        }
        String asked = turn.question();
        String language = question.language().orElseGet(() -> LanguageDetector.detect(asked));
        Messages messages = Messages.forLanguage(language);
        Retrieval retrieval = retriever.retrieve(new SearchRequest(asked, Math.max(question.limit(), Reader.PASSAGES_READ),
                question.actor(), false, Optional.of(language)));
        Reading reading = reader.read(asked, language, retrieval);
        if (!reading.found()) {
            return notFound(question.text(), asked, language, messages, !retrieval.hasQueryTerms());
        }
        AnswerComposer.Composition composition = composer.compose(retrieval.hits(), reading, question.limit(), messages, language);
        return new Answer(question.text(), composition.text(), true, composition.citations(), language);
    }

    private static Answer notFound(String original, String text, String language, Messages messages, boolean tooVague) {
        String reply = messages.get(tooVague ? "tooVague" : "notFound") + " " + messages.get("howToAsk") + examples(messages, text);
        return new Answer(original, reply, false, List.of(), language, Answer.NOT_FOUND);
    }

    /** A short friendly reply to small talk, with example questions where they help; nothing is searched. */
    private static Answer smallTalk(String original, SmallTalk kind, String language) {
        Messages messages = Messages.forLanguage(language);
        String reply = messages.get(kind.messageKey());
        if (kind == SmallTalk.GREETING || kind == SmallTalk.CHITCHAT || kind == SmallTalk.SYMBOLS || kind == SmallTalk.ABOUT_BOT) {
            reply += examples(messages, original);
        }
        return new Answer(original, reply, false, List.of(), language, Answer.SMALL_TALK);
    }

    /** Example questions, one a line, rotated by the text so repeated replies do not always suggest the same three. */
    private static String examples(Messages messages, String text) {
        List<String> examples = messages.list("examples");
        StringBuilder lines = new StringBuilder();
        int offset = Math.floorMod(text.hashCode(), examples.size());
        for (int i = 0; i < Math.min(EXAMPLES_SHOWN, examples.size()); i++) {
            lines.append("\n- ").append(examples.get((offset + i) % examples.size()));
        }
        return lines.toString();
    }

    /** The example questions offered to users in a language: front ends show them too. */
    public List<String> exampleQuestions(String language) {
        return Messages.forLanguage(language).list("examples");
    }
}
