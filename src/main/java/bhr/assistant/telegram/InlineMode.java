package bhr.assistant.telegram;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Citation;
import bhr.assistant.answer.Question;
import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.store.UserIdHasher;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.inlinequery.ChosenInlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Inline mode: "@bot question" typed in any chat. Telegram sends a query for every prefix the user types
 * ("apa", "apa itu", "apa itu PR", ...), so:
 * <ul>
 *   <li>a query is answered only once the user has stopped typing for {@link #QUIET}: a newer query from the same
 *       user supersedes it and it is left unanswered (Telegram shows only the newest query's results anyway);</li>
 *   <li>only such a final query costs the user one question of their quota, and only when it is not already in the
 *       short-lived cache of recent results (same knowledge-base version, same words), which answers at once;</li>
 *   <li>nothing typed here is a knowledge gap: a "not found" is recorded only when the user sends it to the chat
 *       (a chosen_inline_result, sent by Telegram when inline feedback is on in @BotFather);</li>
 *   <li>an empty query offers example questions, each sending its answer.</li>
 * </ul>
 */
final class InlineMode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InlineMode.class);
    /** Typing pauses between keys are mostly under half a second; a final query waits this long for a newer one. */
    static final Duration QUIET = Duration.ofMillis(700);
    private static final Duration CACHED_FOR = Duration.ofMinutes(2);
    private static final int CITATIONS = 3;
    static final String NOT_FOUND_ID = "not-found";

    private final AnswerService answers;
    private final PassageRetriever retriever;
    private final RetryingSender sender;
    private final QuestionQuota quota;
    private final int questionsPerMinute;
    private final FeedbackStore feedback;
    private final UserIdHasher hasher;
    private final AssistantMetrics metrics;
    private final ScheduledThreadPoolExecutor workers;
    /** Per user, the id of the newest query still waiting for its quiet time. */
    private final Map<Long, String> newest = new ConcurrentHashMap<>();
    private final Cache<String, List<InlineQueryResult>> recent = Caffeine.newBuilder()
            .expireAfterWrite(CACHED_FOR).maximumSize(1_000).build();

    InlineMode(AnswerService answers, PassageRetriever retriever, RetryingSender sender, QuestionQuota quota, int questionsPerMinute,
               FeedbackStore feedback, UserIdHasher hasher, AssistantMetrics metrics) {
        this.answers = answers;
        this.retriever = retriever;
        this.sender = sender;
        this.quota = quota;
        this.questionsPerMinute = questionsPerMinute;
        this.feedback = feedback;
        this.hasher = hasher;
        this.metrics = metrics;
        AtomicInteger count = new AtomicInteger();
        this.workers = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = new Thread(runnable, "telegram-inline-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.workers.setRemoveOnCancelPolicy(true);
    }

    /** Takes a query; never blocks (it runs on the polling thread or the webhook's event loop). */
    void onQuery(InlineQuery query) {
        String text = query.getQuery() == null ? "" : query.getQuery().strip();
        long user = query.getFrom().getId();
        newest.put(user, query.getId()); // supersedes any query of theirs still waiting
        TelegramMessages ui = TelegramMessages.forTelegramLanguage(query.getFrom().getLanguageCode());
        List<InlineQueryResult> cached = text.isEmpty() ? null : recent.getIfPresent(cacheKey(text));
        if (text.isEmpty() || cached != null) {
            newest.remove(user, query.getId());
            run(() -> answer(query, cached != null ? cached : examples(ui), cached == null), Duration.ZERO);
        } else {
            run(() -> answerIfFinal(query, text, ui), QUIET);
        }
    }

    /** A result the user sent to a chat: a "not found" becomes a knowledge gap only now, with the words they settled on. */
    void onChosen(ChosenInlineQuery chosen) {
        if (NOT_FOUND_ID.equals(chosen.getResultId()) && chosen.getQuery() != null && !chosen.getQuery().isBlank()) {
            feedback.recordLater(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.UNANSWERED, chosen.getQuery().strip(), "telegram",
                    hasher.hash(String.valueOf(chosen.getFrom().getId())), List.of()));
        }
    }

    private void answerIfFinal(InlineQuery query, String text, TelegramMessages ui) {
        if (!newest.remove(query.getFrom().getId(), query.getId())) {
            return; // the user typed on: a newer query stands for this one
        }
        if (text.codePointCount(0, text.length()) > Question.MAX_LENGTH) {
            answer(query, List.of(article("too-long", ui.get("inlineTooLongTitle"), ui.get("tooLong", Question.MAX_LENGTH),
                    TelegramHtml.escape(ui.get("tooLong", Question.MAX_LENGTH)))), true);
            return;
        }
        List<InlineQueryResult> cached = recent.getIfPresent(cacheKey(text));
        if (cached != null) {
            answer(query, cached, false);
            return;
        }
        if (!quota.tryAcquire("telegram:" + query.getFrom().getId(), questionsPerMinute)) {
            answer(query, List.of(article("rate-limited", ui.get("inlineRateLimitedTitle"), ui.get("rateLimited"),
                    TelegramHtml.escape(ui.get("rateLimited")))), true);
            return;
        }
        long started = System.nanoTime();
        Answer answer = answers.ask(new Question(text, Optional.empty(), CITATIONS, Optional.empty()));
        metrics.question("telegram", answer.found(), Duration.ofNanos(System.nanoTime() - started));
        List<InlineQueryResult> results = results(answer);
        recent.put(cacheKey(text), results);
        answer(query, results, false);
    }

    private List<InlineQueryResult> results(Answer answer) {
        TelegramMessages ui = TelegramMessages.forLanguage(answer.language());
        List<InlineQueryResult> results = new ArrayList<>();
        if (!answer.found()) {
            // Only a real "not found" may become a knowledge gap when sent; a reply to small talk is not one.
            String id = answer.kind().equals(Answer.NOT_FOUND) ? NOT_FOUND_ID : "small-talk";
            results.add(article(id, ui.get("inlineNotFound"), answer.answer(), TelegramHtml.escape(answer.answer())));
            return results;
        }
        results.add(article("answer", ui.get("inlineAnswer"), answer.answer(), AnswerRenderer.answer(answer, ui).get(0)));
        for (Citation citation : answer.citations()) {
            results.add(article("source-" + citation.n(), citation.title(), citation.section(),
                    AnswerRenderer.citationLine(citation, ui) + "\n<blockquote>" + TelegramHtml.escape(citation.quote()) + "</blockquote>"));
        }
        return results;
    }

    /** The example questions in the user's language, each sending its cited answer; they cost no quota. */
    private List<InlineQueryResult> examples(TelegramMessages ui) {
        return recent.get("examples:" + ui.language() + ":" + retriever.knowledgeBaseVersion(), key -> {
            List<InlineQueryResult> results = new ArrayList<>();
            List<String> questions = answers.exampleQuestions(ui.language());
            for (int i = 0; i < questions.size(); i++) {
                Answer answer = answers.ask(new Question(questions.get(i), Optional.of(ui.language()), CITATIONS, Optional.empty()));
                String html = TelegramHtml.bold(questions.get(i)) + "\n\n" + AnswerRenderer.answer(answer, ui).get(0);
                results.add(article("example-" + i, questions.get(i), ui.get("inlineExampleHint"),
                        html.length() <= TelegramHtml.MAX_MESSAGE ? html : AnswerRenderer.answer(answer, ui).get(0)));
            }
            return List.copyOf(results);
        });
    }

    /** @param personal results that depend on who asks (a quota notice, examples in their language): not shared by Telegram's cache */
    private void answer(InlineQuery query, List<InlineQueryResult> results, boolean personal) {
        sender.execute(AnswerInlineQuery.builder().inlineQueryId(query.getId()).results(results)
                .cacheTime(personal ? 0 : 60).isPersonal(personal).build());
    }

    /** The same words under the same knowledge-base version give the same results. */
    private String cacheKey(String text) {
        return retriever.knowledgeBaseVersion() + ":" + String.join(" ", text.toLowerCase(Locale.ROOT).split("\\s+"));
    }

    private static InlineQueryResultArticle article(String id, String title, String description, String html) {
        String shortDescription = description.length() > 120 ? description.substring(0, 119) + "…" : description;
        return InlineQueryResultArticle.builder()
                .id(id)
                .title(title)
                .description(shortDescription)
                .inputMessageContent(InputTextMessageContent.builder().messageText(html).parseMode(ParseMode.HTML)
                        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).build())
                .build();
    }

    private void run(Runnable task, Duration delay) {
        try {
            workers.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Failed to answer a Telegram inline query", e);
                    metrics.telegramError();
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Inline mode closed; a query was not answered");
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
