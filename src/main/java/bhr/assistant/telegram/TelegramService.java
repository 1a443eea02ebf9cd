package bhr.assistant.telegram;

import bhr.assistant.answer.AnswerService;
import bhr.assistant.chat.AnswerMemory;
import bhr.assistant.chat.DeliveryLog;
import bhr.assistant.chat.ExclusiveDuty;
import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.chat.VoteBook;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.admin.AdminConfig;
import bhr.assistant.store.UserIdHasher;
import bhr.assistant.update.KnowledgeBaseUpdater;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the bot inside the service when TELEGRAM_BOT_TOKEN is set: in polling mode through TelegramBots'
 * long-polling application, in webhook mode through {@code /telegram/webhook}. Start-up happens in the
 * background and keeps retrying while Telegram is unreachable, so the web and HTTP API never wait for it.
 */
@Singleton
public class TelegramService {

    private static final Logger LOG = LoggerFactory.getLogger(TelegramService.class);
    private static final List<String> UPDATE_KINDS = List.of("message", "edited_message", "callback_query", "inline_query", "chosen_inline_result");
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(60);
    /** Long polling is a duty of one replica at a time: two pollers would fail each other's getUpdates. */
    static final String POLLING_DUTY = "telegram-polling";
    /** How often a replica tries for the polling duty (and the one polling confirms it still holds it). */
    private static final Duration POLLING_DUTY_CHECK = Duration.ofSeconds(2);

    private final TelegramConfig config;
    private final AnswerService answers;
    private final PassageRetriever retriever;
    private final KnowledgeIndex index;
    private final FeedbackStore feedback;
    private final UserIdHasher hasher;
    private final KnowledgeBaseUpdater updater;
    private final AdminConfig adminConfig;
    private final AssistantMetrics metrics;
    private final ChatState state;
    private volatile BotIdentity identity;

    private volatile boolean closed;
    private volatile boolean connected;
    private volatile TelegramBot bot;
    private volatile Thread starter;
    private volatile OkHttpClient http;
    private volatile TelegramBotsLongPollingApplication polling;
    private final ExclusiveDuty duty;
    private volatile java.util.concurrent.ScheduledExecutorService dutyWatch;

    public TelegramService(TelegramConfig config, AnswerService answers, PassageRetriever retriever, KnowledgeIndex index,
                           FeedbackStore feedback, UserIdHasher hasher, KnowledgeBaseUpdater updater, AdminConfig adminConfig,
                           AssistantMetrics metrics, DeliveryLog deliveries, QuestionQuota quota, AnswerMemory answerMemory,
                           VoteBook votes, ExclusiveDuty duty) {
        this.duty = duty;
        this.metrics = metrics;
        this.state = new ChatState(deliveries, quota, answerMemory, votes);
        this.updater = updater;
        this.adminConfig = adminConfig;
        this.config = config;
        this.answers = answers;
        this.retriever = retriever;
        this.index = index;
        this.feedback = feedback;
        this.hasher = hasher;
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        start();
    }

    synchronized void start() {
        if (bot != null || closed) {
            return;
        }
        if (!config.enabled()) {
            LOG.info("Telegram bot off: TELEGRAM_BOT_TOKEN is not set");
            return;
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.error("Telegram bot not started: {}", problem));
            return;
        }
        TelegramConfig.ApiEndpoint endpoint = config.apiEndpoint().orElseThrow();
        TelegramUrl url = new TelegramUrl(endpoint.scheme(), endpoint.host(), endpoint.port(), false);
        http = new OkHttpClient.Builder()
                .connectTimeout(15, TimeUnit.SECONDS)
                .writeTimeout(30, TimeUnit.SECONDS)
                // getUpdates holds the connection open for pollTimeoutSeconds; allow for that plus a margin.
                .readTimeout(config.pollTimeoutSeconds() + 30L, TimeUnit.SECONDS)
                .build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, config.botToken(), url);
        identity = new BotIdentity(() -> client.execute(new GetMe()));
        RetryingSender sender = new RetryingSender(client, Duration.ofSeconds(Math.max(1, config.sendRetrySeconds())));
        AdminCommands admin = new AdminCommands(updater, config.adminIdSet(), adminConfig.maxUploadBytes(),
                fileId -> download(client, endpoint, fileId));
        ChatOutbox outbox = new ChatOutbox(client, Math.max(1, config.workerThreads()),
                ChatOutbox.Timing.standard(Duration.ofSeconds(Math.max(1, config.sendRetrySeconds()))));
        bot = new TelegramBot(sender, outbox, identity, answers, retriever, index, feedback, hasher, config, admin, metrics, state);
        starter = new Thread(() -> connect(client, sender, url), "telegram-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Downloads a file users sent, from &lt;api&gt;/file/bot&lt;token&gt;/&lt;path&gt;. Built here rather than through the
     * library, whose download always goes to api.telegram.org, so a local Bot API server works too.
     */
    private byte[] download(OkHttpTelegramClient client, TelegramConfig.ApiEndpoint endpoint, String fileId) throws IOException {
        org.telegram.telegrambots.meta.api.objects.File file;
        try {
            file = client.execute(GetFile.builder().fileId(fileId).build());
        } catch (TelegramApiException e) {
            throw new IOException("getFile failed: " + e.getMessage(), e);
        }
        HttpUrl url = new HttpUrl.Builder().scheme(endpoint.scheme()).host(endpoint.host()).port(endpoint.port())
                .addPathSegment("file").addPathSegment("bot" + config.botToken()).addPathSegments(file.getFilePath()).build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            if (!response.isSuccessful() || response.body() == null) {
                throw new IOException("file download answered " + response.code());
            }
            return response.body().bytes();
        }
    }

    /** Retries until Telegram answers: learn who the bot is, register commands, then poll or set the webhook. */
    private void connect(OkHttpTelegramClient client, RetryingSender sender, TelegramUrl url) {
        Duration pause = Duration.ofSeconds(1);
        while (!closed) {
            try {
                User me = client.execute(new GetMe());
                identity.set(me);
                registerCommands(sender);
                if (config.webhookMode()) {
                    if (config.webhookUrl() != null && !config.webhookUrl().isBlank()) {
                        client.execute(SetWebhook.builder().url(config.webhookUrl()).secretToken(config.webhookSecret())
                                .allowedUpdates(UPDATE_KINDS).build());
                    }
                    LOG.info("Telegram bot @{} ready in webhook mode", identity.username());
                } else if (duty.holds(POLLING_DUTY)) {
                    startPolling(url);
                    LOG.info("Telegram bot @{} polling {}://{}:{}", identity.username(), url.getSchema(), url.getHost(), url.getPort());
                } else {
                    LOG.info("Telegram bot @{} stands by: another replica polls; this one takes over if that one stops", identity.username());
                }
                connected = true;
                if (!config.webhookMode()) {
                    watchPollingDuty(url);
                }
                return;
            } catch (TelegramApiException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Telegram not reachable yet ({}); retrying in {} s", e.getMessage(), pause.toSeconds());
                stopPolling();
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0 ? LONGEST_RETRY_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void registerCommands(RetryingSender sender) {
        for (String language : List.of("id", "en")) {
            TelegramMessages ui = TelegramMessages.forLanguage(language);
            List<BotCommand> commands = List.of(
                    new BotCommand("start", ui.get("command.start")),
                    new BotCommand("help", ui.get("command.help")),
                    new BotCommand("sumber", ui.get("command.sumber")),
                    new BotCommand("kewajiban", ui.get("command.kewajiban")));
            SetMyCommands.SetMyCommandsBuilder<?, ?> set = SetMyCommands.builder().commands(commands);
            if (language.equals("en")) {
                set.languageCode("en"); // Indonesian is the default for every other language
            }
            sender.execute(set.build());
        }
    }

    private void startPolling(TelegramUrl url) throws TelegramApiException {
        polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http);
        int timeout = Math.max(0, Math.min(50, config.pollTimeoutSeconds()));
        polling.registerBot(config.botToken(), () -> url,
                last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(timeout).allowedUpdates(UPDATE_KINDS).build(),
                bot);
    }

    /** Starts polling when this replica gets the duty (another one died), and stops when it lost it. */
    private synchronized void watchPollingDuty(TelegramUrl url) {
        if (closed || dutyWatch != null) {
            return;
        }
        dutyWatch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "telegram-polling-duty");
            thread.setDaemon(true);
            return thread;
        });
        dutyWatch.scheduleWithFixedDelay(() -> {
            try {
                boolean mine = duty.holds(POLLING_DUTY);
                if (mine && polling == null && !closed) {
                    startPolling(url);
                    LOG.info("Telegram bot @{} polling now: this replica took over the polling duty", identity.username());
                } else if (!mine && polling != null) {
                    stopPolling();
                    LOG.warn("Stopped polling Telegram: another replica holds the polling duty now");
                }
            } catch (TelegramApiException | RuntimeException e) {
                LOG.warn("Taking over Telegram polling failed ({}); trying again", e.getMessage());
                stopPolling();
            }
        }, POLLING_DUTY_CHECK.toMillis(), POLLING_DUTY_CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void stopPolling() {
        TelegramBotsLongPollingApplication running = polling;
        polling = null;
        if (running != null) {
            try {
                running.close();
            } catch (Exception e) {
                LOG.debug("Stopping long polling: {}", e.getMessage());
            }
        }
    }

    /** The bot, when it takes updates through the webhook. */
    Optional<TelegramBot> webhookBot() {
        return config.webhookMode() ? Optional.ofNullable(bot) : Optional.empty();
    }

    TelegramConfig config() {
        return config;
    }

    ChatState state() {
        return state;
    }

    /** True when a bot token is configured. */
    public boolean enabled() {
        return config.enabled();
    }

    /** True once Telegram has answered and the bot is polling or ready for webhooks. */
    public boolean connected() {
        return connected;
    }

    /**
     * The bot's state for /health: "off" (no token), "connecting" (Telegram not reached yet), "connected" (polling,
     * or ready for webhooks), "standby" (polling mode, and another replica polls).
     */
    public String botState() {
        if (!enabled()) {
            return "off";
        }
        if (!connected) {
            return "connecting";
        }
        return config.webhookMode() || polling != null ? "connected" : "standby";
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (starter != null) {
            starter.interrupt();
        }
        if (dutyWatch != null) {
            dutyWatch.shutdownNow();
        }
        stopPolling();
        duty.release(POLLING_DUTY); // another replica takes over at its next check, not after a timeout
        if (http != null) {
            http.dispatcher().cancelAll(); // ends a getUpdates call that would otherwise hold shutdown
        }
        if (bot != null) {
            bot.close();
        }
        if (http != null) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        connected = false;
    }
}
