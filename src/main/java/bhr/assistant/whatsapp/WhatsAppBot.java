package bhr.assistant.whatsapp;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Citation;
import bhr.assistant.answer.Question;
import bhr.assistant.chat.AnswerMemory;
import bhr.assistant.chat.Ballot;
import bhr.assistant.chat.ChatExecutor;
import bhr.assistant.chat.ChatMessages;
import bhr.assistant.chat.CitedVersions;
import bhr.assistant.chat.ObligationListing;
import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.chat.RememberedAnswer;
import bhr.assistant.chat.VoteBook;
import bhr.assistant.chat.VoteOutcome;
import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.Actors;
import bhr.assistant.kb.LanguageDetector;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.search.PassageHit;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.search.SearchRequest;
import bhr.assistant.store.UserIdHasher;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The WhatsApp channel's behaviour: questions, commands, buttons and list rows, and friendly replies to what it
 * cannot read. An adapter only: every answer comes from the {@link AnswerService} the HTTP API and Telegram use.
 * A message the webhook took arrives at {@link #dispatch}:
 * <ol>
 *   <li>each user's messages run in order, users in parallel ({@link ChatExecutor}, keyed by the hashed number);</li>
 *   <li>one older than the 24-hour customer-service window (Meta redelivers for days after an outage) is left
 *       unanswered: WhatsApp would refuse the reply, and the channel sends nothing unsolicited;</li>
 *   <li>it is marked read, with a typing indicator when a question is about to be answered;</li>
 *   <li>a question is answered with its sources and three reply buttons (quotes, more results, vote); small talk
 *       and "not found" with example questions as a list; "kewajiban" with the duty bearers as a list;</li>
 *   <li>replies leave through the user's queue in the {@link WhatsAppOutbox}, which keeps their order through
 *       Meta's rate limits.</li>
 * </ol>
 * The number is used only to reply: logs, feedback, quotas and votes know the user by a salted hash.
 */
final class WhatsAppBot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppBot.class);
    static final String CHANNEL = "whatsapp";
    static final Duration WINDOW = Duration.ofHours(24);
    private static final int ANSWER_CITATIONS = 3;
    private static final int MORE_RESULTS = 5;
    private static final int LISTING_SNIPPET = 150;
    private static final Set<String> HELP = Set.of("start", "mulai", "menu", "help", "bantuan");
    private static final Set<String> SOURCES = Set.of("sumber", "sources");
    private static final Set<String> OBLIGATIONS = Set.of("kewajiban", "obligations");
    private static final Set<String> INDONESIAN_COMMANDS = Set.of("mulai", "bantuan", "sumber", "kewajiban");
    private static final Set<String> ENGLISH_COMMANDS = Set.of("sources", "obligations");

    /** Whom a reply goes to, and until when it may. */
    private record Recipient(String number, String user, Instant windowCloses) {
    }

    private final WhatsAppOutbox outbox;
    private final AnswerService answers;
    private final PassageRetriever retriever;
    private final KnowledgeIndex index;
    private final FeedbackStore feedback;
    private final UserIdHasher hasher;
    private final QuestionQuota quota;
    private final int questionsPerMinute;
    private final AnswerMemory memory;
    private final VoteBook votes;
    private final AssistantMetrics metrics;
    private final ObligationListing obligations;
    private final ChatExecutor executor;
    private final Clock clock;
    /** The language of each user's last question (by hash), for replies to what carries no words: a sticker, a voice note. */
    private final Cache<String, String> languages = Caffeine.newBuilder().maximumSize(50_000).expireAfterAccess(WINDOW).build();
    /** Users told they are over their limit in the last minute: told once, not at every further message. */
    private final Cache<String, Boolean> toldOverLimit = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    WhatsAppBot(WhatsAppOutbox outbox, AnswerService answers, PassageRetriever retriever, KnowledgeIndex index, FeedbackStore feedback,
                UserIdHasher hasher, QuestionQuota quota, AnswerMemory memory, VoteBook votes, AssistantMetrics metrics,
                WhatsAppConfig config, Clock clock) {
        this.outbox = outbox;
        this.answers = answers;
        this.retriever = retriever;
        this.index = index;
        this.feedback = feedback;
        this.hasher = hasher;
        this.quota = quota;
        this.questionsPerMinute = config.questionsPerMinute();
        this.memory = memory;
        this.votes = votes;
        this.metrics = metrics;
        this.clock = clock;
        this.obligations = new ObligationListing(retriever, index);
        this.executor = new ChatExecutor(Math.max(1, config.workerThreads()), "whatsapp-worker");
    }

    /** Queues the message in its user's order and returns at once. */
    void dispatch(IncomingMessage message) {
        String user = hasher.hash(message.from());
        Recipient to = new Recipient(message.from(), user, message.sentAt().plus(WINDOW));
        executor.submit(user, () -> handleSafely(to, message));
    }

    private void handleSafely(Recipient to, IncomingMessage message) {
        try {
            handle(to, message);
        } catch (RuntimeException e) {
            LOG.error("Failed to handle a WhatsApp message from user {}", to.user(), e);
            metrics.whatsappError();
            send(to, GraphMessages.text(to.number(), ui(userLanguage(to)).get("apology")));
        }
    }

    private void handle(Recipient to, IncomingMessage message) {
        if (message.kind() == IncomingMessage.Kind.IGNORED) {
            return;
        }
        if (clock.instant().isAfter(to.windowCloses())) {
            LOG.info("WhatsApp: a message from user {} sent {} is past the 24-hour customer-service window; not answered",
                    to.user(), message.sentAt());
            return;
        }
        metrics.whatsappMessage();
        boolean answering = message.kind() == IncomingMessage.Kind.TEXT || message.kind() == IncomingMessage.Kind.BUTTON;
        outbox.markRead(message.id(), answering && outbox.idle(to.user()));
        switch (message.kind()) {
            case TEXT -> onText(to, message.text().strip());
            case BUTTON -> onButton(to, message);
            case WELCOME -> sendWelcome(to, ui(userLanguage(to)));
            default -> {
                // media without a caption, voice, stickers, locations, contacts: the same friendly hint as in Telegram
                if (quota.tryAcquire("whatsapp-other:" + to.user(), questionsPerMinute)) {
                    send(to, GraphMessages.text(to.number(), ui(userLanguage(to)).get("notText")));
                }
            }
        }
    }

    // ---- text and commands

    private void onText(Recipient to, String text) {
        String word = text.toLowerCase(Locale.ROOT).replaceFirst("^/", "").replaceAll("[\\s.!?]+$", "");
        if (HELP.contains(word) || SOURCES.contains(word) || OBLIGATIONS.contains(word)) {
            ChatMessages ui = ui(INDONESIAN_COMMANDS.contains(word) ? "id" : ENGLISH_COMMANDS.contains(word) ? "en" : userLanguage(to));
            if (HELP.contains(word)) {
                sendExamples(to, List.of(ui.get("help")), ui);
            } else if (SOURCES.contains(word)) {
                sendText(to, WhatsAppRenderer.documents(index.read(snapshot -> snapshot.documents()), ui));
            } else {
                sendActors(to, ui);
            }
            return;
        }
        if (text.isEmpty()) {
            send(to, GraphMessages.text(to.number(), ui(userLanguage(to)).get("notText")));
            return;
        }
        ask(to, text);
    }

    private void ask(Recipient to, String question) {
        ChatMessages guess = ui(LanguageDetector.detect(question));
        if (question.codePointCount(0, question.length()) > Question.MAX_LENGTH) {
            send(to, GraphMessages.text(to.number(), guess.get("tooLong", Question.MAX_LENGTH)));
            return;
        }
        if (!quota.tryAcquire("whatsapp:" + to.user(), questionsPerMinute)) {
            if (toldOverLimit.asMap().putIfAbsent(to.user(), Boolean.TRUE) == null) {
                send(to, GraphMessages.text(to.number(), guess.get("rateLimited")));
            }
            return;
        }
        long started = System.nanoTime();
        Answer answer = answers.ask(new Question(question, Optional.empty(), ANSWER_CITATIONS, Optional.empty()));
        metrics.question(CHANNEL, answer.found(), Duration.ofNanos(System.nanoTime() - started));
        languages.put(to.user(), answer.language());
        ChatMessages ui = ui(answer.language());
        if (answer.kind().equals(Answer.NOT_FOUND)) {
            feedback.record(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.UNANSWERED, answer.question(), CHANNEL, to.user(),
                    answer.citations().stream().map(Citation::passageId).toList()));
        }
        List<String> paragraphs = WhatsAppRenderer.answer(answer, ui);
        if (!answer.found()) {
            sendExamples(to, paragraphs, ui);
            return;
        }
        String key = memory.remember(CitedVersions.remember(answer, index));
        sendWithButtons(to, paragraphs, List.of(
                new GraphMessages.Choice(new ReplyId(ReplyId.QUOTES, key).encode(), ui.get("button.quotes")),
                new GraphMessages.Choice(new ReplyId(ReplyId.MORE, key).encode(), ui.get("button.more")),
                new GraphMessages.Choice(new ReplyId(ReplyId.VOTE, key).encode(), ui.get("button.vote"))), ui.get("answerPrompt"));
    }

    // ---- buttons and list rows

    /** A button or list row pressed: its id says what for; an unknown or forgotten one says it expired. */
    private void onButton(Recipient to, IncomingMessage message) {
        Optional<ReplyId> parsed = ReplyId.parse(message.replyId());
        if (parsed.isEmpty() || !onReply(to, parsed.get())) {
            send(to, GraphMessages.text(to.number(), ui(userLanguage(to)).get("expired")));
        }
    }

    /** @return false when the button is unknown or its answer forgotten */
    private boolean onReply(Recipient to, ReplyId reply) {
        String argument = reply.argument();
        switch (reply.action()) {
            case ReplyId.QUOTES -> {
                Optional<RememberedAnswer> remembered = memory.recall(argument);
                remembered.ifPresent(answer -> sendText(to, WhatsAppRenderer.quotes(answer.answer(),
                        CitedVersions.freshness(answer, index), ui(answer.answer().language()))));
                return remembered.isPresent();
            }
            case ReplyId.MORE -> {
                Optional<RememberedAnswer> remembered = memory.recall(argument);
                remembered.ifPresent(answer -> sendMore(to, answer.answer()));
                return remembered.isPresent();
            }
            case ReplyId.VOTE -> {
                Optional<RememberedAnswer> remembered = memory.recall(argument);
                remembered.ifPresent(answer -> {
                    ChatMessages ui = ui(answer.answer().language());
                    send(to, GraphMessages.buttons(to.number(), ui.get("votePrompt"), List.of(
                            new GraphMessages.Choice(new ReplyId(ReplyId.HELPFUL, argument).encode(), ui.get("button.helpful")),
                            new GraphMessages.Choice(new ReplyId(ReplyId.NOT_HELPFUL, argument).encode(), ui.get("button.notHelpful")))));
                });
                return remembered.isPresent();
            }
            case ReplyId.HELPFUL, ReplyId.NOT_HELPFUL -> {
                return vote(to, argument, reply.action().equals(ReplyId.HELPFUL));
            }
            case ReplyId.EXAMPLE -> {
                String[] parts = argument.split(":", 2);
                List<String> examples = parts.length == 2 ? answers.exampleQuestions("en".equals(parts[0]) ? "en" : "id") : List.of();
                int number = parts.length == 2 ? parseIndex(parts[1]) : -1;
                if (number < 0 || number >= examples.size()) {
                    return false;
                }
                ask(to, examples.get(number));
                return true;
            }
            case ReplyId.ACTOR -> {
                String[] parts = argument.split(":", 3);
                if (parts.length != 3 || !Actors.isKnown(parts[1]) || parseIndex(parts[2]) < 0) {
                    return false;
                }
                sendObligations(to, parts[1], parseIndex(parts[2]), ui(parts[0]));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** One vote per user per answer: the same vote again stores nothing, the other one replaces it. */
    private boolean vote(Recipient to, String key, boolean helpful) {
        Optional<Answer> answer = memory.recall(key).map(RememberedAnswer::answer);
        if (answer.isEmpty()) {
            return false;
        }
        ChatMessages ui = ui(answer.get().language());
        VoteOutcome outcome = votes.cast(new Ballot(key, to.user(), helpful, answer.get().question(), CHANNEL,
                answer.get().citations().stream().map(Citation::passageId).toList()));
        String reply = !outcome.kept() ? "feedbackNotSaved" : outcome.first() ? "thanks" : outcome.changed() ? "voteChanged" : "voteSame";
        send(to, GraphMessages.text(to.number(), ui.get(reply)));
        return true;
    }

    private void sendMore(Recipient to, Answer answer) {
        ChatMessages ui = ui(answer.language());
        Set<String> shown = Set.copyOf(answer.citations().stream().map(Citation::passageId).toList());
        List<PassageHit> more = retriever.retrieve(new SearchRequest(answer.question(), MORE_RESULTS + shown.size(), Optional.empty(), false,
                        Optional.of(answer.language()))).hits().stream()
                .filter(hit -> !shown.contains(hit.passage().id()))
                .limit(MORE_RESULTS)
                .toList();
        if (more.isEmpty()) {
            send(to, GraphMessages.text(to.number(), ui.get("moreNone")));
        } else {
            sendText(to, WhatsAppRenderer.passages(ui.get("moreTitle", answer.question()), more, 1, 220));
        }
    }

    // ---- lists

    private void sendWelcome(Recipient to, ChatMessages ui) {
        sendExamples(to, List.of(ui.get("welcome")), ui);
    }

    /** The paragraphs with the example questions as a list under them: pressing one asks it. */
    private void sendExamples(Recipient to, List<String> paragraphs, ChatMessages ui) {
        List<String> examples = answers.exampleQuestions(ui.language());
        List<GraphMessages.Choice> rows = new ArrayList<>();
        for (int i = 0; i < examples.size() && i < GraphMessages.MAX_ROWS; i++) {
            String question = examples.get(i);
            // A row's title holds 24 characters: a longer question is shown whole in its description.
            String description = question.length() > GraphMessages.MAX_ROW_TITLE ? question : "";
            rows.add(new GraphMessages.Choice(new ReplyId(ReplyId.EXAMPLE, ui.language() + ":" + i).encode(), question, description));
        }
        List<String> head = head(paragraphs);
        sendText(to, head);
        String body = join(paragraphs.subList(head.size(), paragraphs.size()));
        send(to, GraphMessages.list(to.number(), body.isEmpty() ? ui.get("examplesTitle") : body, ui.get("examplesButton"),
                ui.get("examplesSection"), rows, ui.get("examplesFooter")));
    }

    /** The duty bearers as a list, for "kewajiban". */
    private void sendActors(Recipient to, ChatMessages ui) {
        List<GraphMessages.Choice> rows = Actors.KNOWN.stream()
                .map(actor -> new GraphMessages.Choice(new ReplyId(ReplyId.ACTOR, ui.language() + ":" + actor + ":0").encode(), ui.get("actor." + actor)))
                .toList();
        send(to, GraphMessages.list(to.number(), ui.get("obligationsChoose"), ui.get("obligationsButton"), ui.get("obligationsSection"), rows, ""));
    }

    /** A page of the duty bearer's sections in the list's language, with a button for the next page. */
    private void sendObligations(Recipient to, String actor, int offset, ChatMessages ui) {
        ObligationListing.Page page = obligations.page(actor, ui.language(), ui.get("obligationsQuery"), offset);
        if (page.items().isEmpty()) {
            send(to, GraphMessages.text(to.number(), ui.get("obligationsNone", ui.get("actor." + actor))));
            return;
        }
        String title = ui.get("obligationsTitle", ui.get("actor." + actor), page.offset() + 1, page.offset() + page.items().size(), page.total());
        List<String> paragraphs = WhatsAppRenderer.passages(title, page.items(), page.offset() + 1, LISTING_SNIPPET);
        if (!page.hasMore()) {
            sendText(to, paragraphs);
            return;
        }
        int next = page.offset() + page.items().size();
        sendWithButtons(to, paragraphs, List.of(new GraphMessages.Choice(
                new ReplyId(ReplyId.ACTOR, ui.language() + ":" + actor + ":" + next).encode(), ui.get("obligationsMore", page.total() - next))),
                ui.get("obligationsMorePrompt"));
    }

    // ---- sending

    /**
     * The paragraphs with reply buttons under the last of them. An interactive message's body holds 1024
     * characters, so the last paragraphs that fit (an answer's sources, typically) carry the buttons, and the
     * rest goes before them as text; when not even the last one fits, a short prompt carries them.
     */
    private void sendWithButtons(Recipient to, List<String> paragraphs, List<GraphMessages.Choice> buttons, String prompt) {
        List<String> head = head(paragraphs);
        sendText(to, head);
        String body = join(paragraphs.subList(head.size(), paragraphs.size()));
        send(to, GraphMessages.buttons(to.number(), body.isEmpty() ? prompt : body, buttons));
    }

    /** The paragraphs before the longest tail that fits in an interactive message's body. */
    private static List<String> head(List<String> paragraphs) {
        int from = paragraphs.size();
        int length = 0;
        while (from > 0) {
            int longer = length + (length > 0 ? 2 : 0) + paragraphs.get(from - 1).length();
            if (longer > GraphMessages.MAX_INTERACTIVE_BODY) {
                break;
            }
            length = longer;
            from--;
        }
        return paragraphs.subList(0, from);
    }

    private static String join(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** The paragraphs as text messages of at most 4096 characters each. */
    private void sendText(Recipient to, List<String> paragraphs) {
        for (String part : WhatsAppText.split(paragraphs, GraphMessages.MAX_TEXT)) {
            send(to, GraphMessages.text(to.number(), part));
        }
    }

    private void send(Recipient to, GraphMessages.Outgoing message) {
        outbox.send(to.user(), message, to.windowCloses());
    }

    /**
     * The user's language for replies to what has no words of its own: that of their last question, else the one
     * their number's country suggests (Indonesian for +62, English otherwise).
     */
    private String userLanguage(Recipient to) {
        String known = languages.getIfPresent(to.user());
        if (known != null) {
            return known;
        }
        return to.number().startsWith("62") ? "id" : "en";
    }

    private static ChatMessages ui(String language) {
        return "en".equals(language) ? ENGLISH : INDONESIAN;
    }

    private static final ChatMessages INDONESIAN = ChatMessages.load("whatsapp-messages", "id");
    private static final ChatMessages ENGLISH = ChatMessages.load("whatsapp-messages", "en");

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        executor.close();
        outbox.close();
    }
}
