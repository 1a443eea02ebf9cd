package bhr.assistant.telegram;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Citation;
import bhr.assistant.answer.Question;
import bhr.assistant.chat.AnswerMemory;
import bhr.assistant.chat.DeliveryLog;
import bhr.assistant.chat.Ballot;
import bhr.assistant.chat.ChatExecutor;
import bhr.assistant.chat.CitedVersions;
import bhr.assistant.chat.ObligationListing;
import bhr.assistant.chat.RememberedAnswer;
import bhr.assistant.chat.VoteBook;
import bhr.assistant.chat.VoteOutcome;
import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.Actors;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.search.PassageHit;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.search.SearchRequest;
import bhr.assistant.store.UserIdHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.inlinequery.ChosenInlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bot's behaviour: commands, questions (in a message, a caption or an edit), buttons and inline queries. An
 * adapter only: every answer comes from the {@link AnswerService} the HTTP API uses. Updates from polling and from
 * the webhook both arrive at {@link #dispatch}:
 * <ul>
 *   <li>messages and edits run in each chat's order, different chats in parallel ({@link ChatExecutor}), once the
 *       bot knows its username ({@link BotIdentity});</li>
 *   <li>button presses are acknowledged at once on their own threads, and what they ask for joins the chat's order;</li>
 *   <li>inline queries go to {@link InlineMode}, which waits for the user to stop typing;</li>
 *   <li>replies leave through the chat's {@link ChatOutbox}, which keeps their order through Telegram's waits.</li>
 * </ul>
 */
final class TelegramBot implements LongPollingUpdateConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramBot.class);
    private static final int ANSWER_CITATIONS = 3;
    private static final int MORE_RESULTS = 5;
    private static final Set<String> COMMANDS = Set.of("start", "help", "bantuan", "sumber", "sources", "kewajiban", "obligations",
            "status", "reindex");
    private static final Pattern DEEP_LINK_SEPARATORS = Pattern.compile("[_-]+");

    private final RetryingSender sender;
    private final ChatOutbox outbox;
    private final InlineMode inline;
    private final ObligationListing obligations;
    private final BotIdentity identity;
    private final AnswerService answers;
    private final PassageRetriever retriever;
    private final KnowledgeIndex index;
    private final FeedbackStore feedback;
    private final UserIdHasher hasher;
    private final ChatExecutor executor;
    /** Button presses: acknowledged here, never behind a chat's replies; presses in one chat in order (votes). */
    private final ChatExecutor acknowledgements;
    private final QuestionQuota quota;
    private final DeliveryLog deliveries;
    private final TelegramConfig config;
    private final int questionsPerMinute;
    private final AnswerMemory recent;
    private final VoteBook votes;
    private final AdminCommands admin;
    private final AssistantMetrics metrics;

    TelegramBot(RetryingSender sender, ChatOutbox outbox, BotIdentity identity, AnswerService answers, PassageRetriever retriever,
                KnowledgeIndex index, FeedbackStore feedback, UserIdHasher hasher, TelegramConfig config, AdminCommands admin,
                AssistantMetrics metrics, ChatState state) {
        this.admin = admin;
        this.metrics = metrics;
        this.sender = sender;
        this.outbox = outbox;
        this.identity = identity;
        this.answers = answers;
        this.retriever = retriever;
        this.index = index;
        this.feedback = feedback;
        this.hasher = hasher;
        this.executor = new ChatExecutor(Math.max(1, config.workerThreads()), "telegram-worker");
        this.acknowledgements = new ChatExecutor(2, "telegram-ack");
        this.quota = state.quota();
        this.deliveries = state.deliveries();
        this.config = config;
        this.questionsPerMinute = config.questionsPerMinute();
        this.recent = state.answers();
        this.votes = state.votes();
        this.obligations = new ObligationListing(retriever, index);
        this.inline = new InlineMode(answers, retriever, sender, quota, questionsPerMinute, feedback, hasher, metrics);
    }

    /**
     * Updates from long polling. They go through the delivery log as webhook deliveries do: when the polling
     * replica dies, the one taking over may be handed updates the first had already answered (Telegram forgets an
     * update only once the next getUpdates confirms it), and those are not answered again.
     */
    @Override
    public void consume(List<Update> updates) {
        for (Update update : updates) {
            if (update.getUpdateId() == null || deliveries.firstDelivery(config.deliveryId(update.getUpdateId()))) {
                dispatch(update);
            }
        }
    }

    /**
     * Queues one update. Never throws: this runs on TelegramBots' polling thread, and an exception escaping
     * there cancels its scheduled task, which would silently stop the bot.
     */
    void dispatch(Update update) {
        try {
            if (update.hasCallbackQuery() && update.getCallbackQuery().getFrom() != null) {
                CallbackQuery callback = update.getCallbackQuery();
                long pressedIn = callback.getMessage() != null ? callback.getMessage().getChatId() : callback.getFrom().getId();
                acknowledgements.submit(pressedIn, () -> {
                    try {
                        onCallback(callback);
                    } catch (RuntimeException e) {
                        LOG.error("Failed to handle Telegram button press {}", update.getUpdateId(), e);
                        metrics.telegramError();
                    }
                });
                return;
            }
            if (update.hasInlineQuery() && update.getInlineQuery().getFrom() != null) {
                metrics.telegramUpdate();
                inline.onQuery(update.getInlineQuery());
                return;
            }
            if (update.hasChosenInlineQuery() && update.getChosenInlineQuery().getFrom() != null) {
                metrics.telegramUpdate();
                ChosenInlineQuery chosen = update.getChosenInlineQuery();
                executor.submit(chosen.getFrom().getId(), () -> inline.onChosen(chosen));
                return;
            }
            Optional<Long> chat = orderingKey(update);
            if (chat.isEmpty()) {
                return; // kinds of update the bot does not take part in (channel posts, member changes)
            }
            executor.submit(chat.get(), () -> handleSafely(update));
        } catch (RuntimeException e) {
            LOG.warn("Dropped Telegram update {}: {}", update == null ? null : update.getUpdateId(), e.toString());
        }
    }

    /** The chat whose order the update keeps; empty for updates without a sender or chat (malformed or unsupported). */
    private static Optional<Long> orderingKey(Update update) {
        if (update.hasMessage() && update.getMessage().getChat() != null) {
            return Optional.of(update.getMessage().getChatId());
        }
        if (update.hasEditedMessage() && update.getEditedMessage().getChat() != null) {
            return Optional.of(update.getEditedMessage().getChatId());
        }
        return Optional.empty();
    }

    private void handleSafely(Update update) {
        metrics.telegramUpdate();
        try {
            if (!identity.awaitKnown()) {
                return; // shutting down
            }
            if (update.hasMessage()) {
                onMessage(update.getMessage(), false);
            } else if (update.hasEditedMessage()) {
                onMessage(update.getEditedMessage(), true);
            }
        } catch (RuntimeException e) {
            LOG.error("Failed to handle Telegram update {}", update.getUpdateId(), e);
            metrics.telegramError();
            Message message = update.hasMessage() ? update.getMessage() : update.getEditedMessage();
            if (message != null) {
                User from = message.getFrom();
                TelegramMessages ui = TelegramMessages.forTelegramLanguage(from == null ? null : from.getLanguageCode());
                send(message.getChatId(), TelegramHtml.escape(ui.get("apology")), null, null, ui);
            }
        }
    }

    // ---- messages and commands

    /**
     * A message, or an edit of one. The question is the text, or the caption of a photo or document. An edited
     * question is answered again, as a reply to the edit that says so; the earlier reply stays as it was. Edits
     * of commands are not run again.
     */
    private void onMessage(Message message, boolean edited) {
        User from = message.getFrom();
        if (from == null || Boolean.TRUE.equals(from.getIsBot()) || message.getChat() == null || message.getChat().isChannelChat()) {
            return;
        }
        boolean group = message.isGroupMessage() || message.isSuperGroupMessage();
        TelegramMessages ui = TelegramMessages.forTelegramLanguage(from.getLanguageCode());
        String caption = message.getCaption() == null ? "" : message.getCaption().strip();
        if (!edited && message.hasDocument() && caption.startsWith("/upload")) {
            onUpload(message, ui);
            return;
        }
        MessageText text = MessageText.of(message);
        if (text.stripped().isEmpty()) {
            if (!group && !edited) {
                send(message.getChatId(), TelegramHtml.escape(ui.get("notText")), null, null, ui);
            }
            return;
        }
        Optional<MessageText.Command> command = text.command();
        if (command.isPresent()) {
            if (!edited) {
                onCommand(message, command.get(), group, ui);
            }
            return;
        }
        if (group && !addressedToBot(message, text)) {
            return; // never chatty in a group: only mentions and replies to the bot
        }
        String question = group ? text.withoutMentionsOf(identity) : text.stripped();
        Integer replyTo = group || edited ? message.getMessageId() : null;
        if (question.isBlank()) {
            if (!edited) {
                sendHelp(message.getChatId(), ui, replyTo);
            }
            return;
        }
        ask(message.getChatId(), from, question, replyTo, edited);
    }

    private void onCommand(Message message, MessageText.Command parsed, boolean group, TelegramMessages ui) {
        if (!parsed.target().isEmpty() && !parsed.target().equalsIgnoreCase(identity.username())) {
            return; // a command for another bot in the same group
        }
        String command = parsed.name();
        String argument = parsed.argument();
        Integer replyTo = group ? message.getMessageId() : null;
        switch (command) {
            case "start" -> {
                send(message.getChatId(), TelegramHtml.escape(ui.get("welcome")) + "\n\n" + TelegramHtml.bold(ui.get("examplesTitle")),
                        Keyboards.examples(answers.exampleQuestions(ui.language()), ui.language()), replyTo, ui);
                if (!argument.isEmpty()) {
                    // Deep links carry a topic as start=uji_tuntas_umkm; treat it as the first question.
                    ask(message.getChatId(), message.getFrom(), DEEP_LINK_SEPARATORS.matcher(argument).replaceAll(" ").strip(), replyTo, false);
                }
            }
            case "help", "bantuan" -> sendHelp(message.getChatId(), ui, replyTo);
            case "sumber", "sources" -> {
                List<String> parts2 = AnswerRenderer.documents(index.read(snapshot -> snapshot.documents()), ui);
                sendAll(message.getChatId(), parts2, null, replyTo, ui);
            }
            case "kewajiban", "obligations" -> send(message.getChatId(), TelegramHtml.escape(ui.get("obligationsChoose")), Keyboards.actors(ui), replyTo, ui);
            case "status", "reindex" -> {
                if (group) {
                    return; // admin work happens in a private chat only
                }
                if (!admin.isAdmin(message.getFrom().getId())) {
                    send(message.getChatId(), TelegramHtml.escape(ui.get("adminOnly")), null, null, ui);
                    return;
                }
                String reply = command.equals("status") ? admin.status(ui) : admin.reindex(adminActor(message.getFrom()), ui);
                send(message.getChatId(), TelegramHtml.escape(reply), null, null, ui);
            }
            default -> {
                if (!group && !COMMANDS.contains(command)) {
                    send(message.getChatId(), TelegramHtml.escape(ui.get("unknownCommand")), null, null, ui);
                }
            }
        }
    }

    private void onUpload(Message message, TelegramMessages ui) {
        boolean group = message.isGroupMessage() || message.isSuperGroupMessage();
        if (group) {
            return;
        }
        if (!admin.isAdmin(message.getFrom().getId())) {
            send(message.getChatId(), TelegramHtml.escape(ui.get("adminOnly")), null, null, ui);
            return;
        }
        showAction(message.getChatId(), "upload_document");
        String reply = admin.upload(message.getCaption(), message.getDocument(), adminActor(message.getFrom()), ui);
        send(message.getChatId(), TelegramHtml.escape(reply), null, null, ui);
    }

    private String adminActor(User user) {
        return "telegram:" + hasher.hash(String.valueOf(user.getId()));
    }

    private void sendHelp(long chatId, TelegramMessages ui, Integer replyTo) {
        String username = identity.username();
        send(chatId, TelegramHtml.escape(ui.get("help", username)) + "\n\n" + TelegramHtml.bold(ui.get("examplesTitle")),
                Keyboards.examples(answers.exampleQuestions(ui.language()), ui.language()), replyTo, ui);
    }

    /** A reply to one of the bot's messages, or an exact mention of it. */
    private boolean addressedToBot(Message message, MessageText text) {
        Message repliedTo = message.getReplyToMessage();
        if (repliedTo != null && repliedTo.getFrom() != null && identity.id() != 0 && repliedTo.getFrom().getId() == identity.id()) {
            return true;
        }
        return text.mentions(identity);
    }

    // ---- questions

    /** @param edited the question is an edit of an earlier one: the answer says it is for the edited text */
    private void ask(long chatId, User from, String question, Integer replyTo, boolean edited) {
        TelegramMessages guess = TelegramMessages.forLanguage(bhr.assistant.kb.LanguageDetector.detect(question));
        if (question.codePointCount(0, question.length()) > Question.MAX_LENGTH) {
            send(chatId, TelegramHtml.escape(guess.get("tooLong", Question.MAX_LENGTH)), null, replyTo, guess);
            return;
        }
        if (!withinQuota(from)) {
            send(chatId, TelegramHtml.escape(guess.get("rateLimited")), null, replyTo, guess);
            return;
        }
        showAction(chatId, "typing");
        long started = System.nanoTime();
        Answer answer = answers.ask(new Question(question, Optional.empty(), ANSWER_CITATIONS, Optional.empty()));
        metrics.question("telegram", answer.found(), java.time.Duration.ofNanos(System.nanoTime() - started));
        TelegramMessages ui = TelegramMessages.forLanguage(answer.language());
        if (answer.kind().equals(Answer.NOT_FOUND)) {
            recordGap(answer, from);
        }
        InlineKeyboardMarkup buttons = answer.found() ? Keyboards.answer(recent.remember(CitedVersions.remember(answer, index)), ui, null, false)
                : Keyboards.examples(answers.exampleQuestions(answer.language()), answer.language());
        String lead = edited ? ui.get("editedAnswer") : null;
        sendAll(chatId, AnswerRenderer.answer(answer, ui, lead), buttons, replyTo, ui);
    }

    private boolean withinQuota(User user) {
        return quota.tryAcquire("telegram:" + user.getId(), questionsPerMinute);
    }

    /** A question answered "not found" becomes a knowledge gap; the user is not told, so nothing waits for it. */
    private void recordGap(Answer answer, User from) {
        feedback.recordLater(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.UNANSWERED, answer.question(), "telegram",
                hasher.hash(String.valueOf(from.getId())), answer.citations().stream().map(Citation::passageId).toList()));
    }

    // ---- buttons


    /**
     * Acknowledges a button press at once and then does what it asks in the chat's order. Telegram's client shows
     * a spinner until the acknowledgement arrives and refuses one that comes too late, so it never waits behind
     * the chat's replies (a slow sendMessage, a 429 wait): it runs on its own threads, with a short toast
     * ("Memuat…", "expired", the vote taken) decided from the button alone.
     */
    private void onCallback(CallbackQuery callback) {
        metrics.telegramUpdate();
        TelegramMessages ui = TelegramMessages.forTelegramLanguage(callback.getFrom().getLanguageCode());
        Optional<CallbackData> data = CallbackData.parse(callback.getData());
        Long chatId = callback.getMessage() == null ? null : callback.getMessage().getChatId();
        String toast;
        if (data.isEmpty() || chatId == null) {
            toast = ui.get("expired");
        } else if (data.get().action().equals(CallbackData.HELPFUL) || data.get().action().equals(CallbackData.NOT_HELPFUL)) {
            toast = vote(data.get(), callback, chatId, ui);
        } else {
            Optional<Runnable> work = buttonWork(data.get(), chatId, callback.getFrom(), ui);
            work.ifPresent(task -> executor.submit(chatId, task));
            toast = work.isPresent() ? ui.get("loading") : ui.get("expired");
        }
        sender.execute(AnswerCallbackQuery.builder().callbackQueryId(callback.getId()).text(toast).build());
    }

    /**
     * One vote per user per answer: the same vote again stores nothing, another vote replaces it. The buttons then
     * show it: in a private chat the chosen one is ticked; in a group, where the buttons are everyone's, each shows
     * its count.
     */
    private String vote(CallbackData data, CallbackQuery callback, long chatId, TelegramMessages ui) {
        String key = data.argument();
        Optional<Answer> answer = recent.recall(key).map(RememberedAnswer::answer);
        if (answer.isEmpty()) {
            return ui.get("expired");
        }
        TelegramMessages answerUi = TelegramMessages.forLanguage(answer.get().language());
        VoteOutcome outcome = votes.cast(new Ballot(key, hasher.hash(String.valueOf(callback.getFrom().getId())),
                data.action().equals(CallbackData.HELPFUL), answer.get().question(), "telegram",
                answer.get().citations().stream().map(Citation::passageId).toList()));
        if (!outcome.kept()) {
            return answerUi.get("feedbackNotSaved");
        }
        if (outcome.changed()) {
            boolean group = callback.getMessage().isGroupMessage() || callback.getMessage().isSuperGroupMessage();
            outbox.send(chatId, EditMessageReplyMarkup.builder().chatId(chatId).messageId(callback.getMessage().getMessageId())
                    .replyMarkup(Keyboards.answer(key, answerUi, outcome, group)).build(), null);
        }
        return answerUi.get(outcome.first() ? "thanks" : outcome.changed() ? "voteChanged" : "voteSame");
    }

    /** What a button asks for, to run in the chat's order; empty when the button is unknown or has expired. */
    private Optional<Runnable> buttonWork(CallbackData data, long chatId, User from, TelegramMessages ui) {
        String argument = data.argument();
        switch (data.action()) {
            case CallbackData.QUOTES -> {
                return recent.recall(argument).map(remembered -> () -> {
                    TelegramMessages answerUi = TelegramMessages.forLanguage(remembered.answer().language());
                    sendAll(chatId, AnswerRenderer.quotes(remembered.answer(), CitedVersions.freshness(remembered, index), answerUi), null, null, answerUi);
                });
            }
            case CallbackData.MORE -> {
                return recent.recall(argument).map(remembered -> () -> sendMore(chatId, remembered.answer()));
            }
            case CallbackData.EXAMPLE -> {
                String[] parts = argument.split(":", 2);
                List<String> examples = parts.length == 2 ? answers.exampleQuestions(parts[0].equals("en") ? "en" : "id") : List.of();
                int number = parts.length == 2 ? parseIndex(parts[1]) : -1;
                if (number < 0 || number >= examples.size()) {
                    return Optional.empty();
                }
                return Optional.of(() -> ask(chatId, from, examples.get(number), null, false));
            }
            case CallbackData.ACTOR -> {
                String[] parts = argument.split(":", 2);
                int offset = parts.length == 2 ? parseIndex(parts[1]) : 0;
                if (!Actors.isKnown(parts[0]) || offset < 0) {
                    return Optional.empty();
                }
                return Optional.of(() -> sendObligations(chatId, parts[0], offset, ui));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void sendMore(long chatId, Answer answer) {
        TelegramMessages ui = TelegramMessages.forLanguage(answer.language());
        Set<String> shown = Set.copyOf(answer.citations().stream().map(Citation::passageId).toList());
        List<PassageHit> more = retriever.retrieve(new SearchRequest(answer.question(), MORE_RESULTS + shown.size(), Optional.empty(), false,
                        Optional.of(answer.language()))).hits().stream()
                .filter(hit -> !shown.contains(hit.passage().id()))
                .limit(MORE_RESULTS)
                .toList();
        if (more.isEmpty()) {
            send(chatId, TelegramHtml.escape(ui.get("moreNone")), null, null, ui);
        } else {
            sendAll(chatId, AnswerRenderer.passages(ui.get("moreTitle", answer.question()), more, ui), null, null, ui);
        }
    }

    /** A page of the duty bearer's sections in the user's language, with a button for the next page. */
    private void sendObligations(long chatId, String actor, int offset, TelegramMessages ui) {
        ObligationListing.Page page = obligations.page(actor, ui.language(), ui.get("obligationsQuery"), offset);
        if (page.items().isEmpty()) {
            send(chatId, TelegramHtml.escape(ui.get("obligationsNone", ui.get("actor." + actor))), null, null, ui);
            return;
        }
        String title = ui.get("obligationsTitle", ui.get("actor." + actor), page.offset() + 1, page.offset() + page.items().size(), page.total());
        InlineKeyboardMarkup more = null;
        if (page.hasMore()) {
            int next = page.offset() + page.items().size();
            more = Keyboards.one(ui.get("obligationsMore", page.total() - next), new CallbackData(CallbackData.ACTOR, actor + ":" + next));
        }
        sendAll(chatId, AnswerRenderer.passages(title, page.items(), ui, AnswerRenderer.Listing.brief(page.offset() + 1)), more, null, ui);
    }

    // ---- sending

    private void sendAll(long chatId, List<String> parts, InlineKeyboardMarkup buttonsOnLast, Integer replyTo, TelegramMessages ui) {
        for (int i = 0; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            send(chatId, parts.get(i), last ? buttonsOnLast : null, i == 0 ? replyTo : null, ui);
        }
    }

    /** Queues a message for the chat; ui gives the language of the notice sent if Telegram makes the chat wait long. */
    private void send(long chatId, String html, InlineKeyboardMarkup buttons, Integer replyTo, TelegramMessages ui) {
        SendMessage.SendMessageBuilder<?, ?> message = SendMessage.builder()
                .chatId(chatId)
                .text(html)
                .parseMode(ParseMode.HTML)
                .linkPreviewOptions(noPreview());
        if (buttons != null) {
            message.replyMarkup(buttons);
        }
        if (replyTo != null) {
            message.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
        }
        outbox.send(chatId, message.build(), ui.get("busy"));
    }

    /** "typing…" and the like: shown only when nothing waits for the chat, tried once (it is gone in 5 s anyway). */
    private void showAction(long chatId, String action) {
        if (outbox.idle(chatId)) {
            sender.once(SendChatAction.builder().chatId(chatId).action(action).build());
        }
    }

    private static LinkPreviewOptions noPreview() {
        return LinkPreviewOptions.builder().isDisabled(true).build();
    }

    @Override
    public void close() {
        acknowledgements.close();
        inline.close();
        executor.close();
        outbox.close();
    }
}
