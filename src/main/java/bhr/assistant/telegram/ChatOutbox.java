package bhr.assistant.telegram;

import bhr.assistant.chat.ChatLanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * What the bot sends into chats, queued per chat and delivered in order, many chats in parallel. TelegramBots
 * retries nothing, so this does:
 * <ul>
 *   <li>429: the chat's queue waits for the {@code retry_after} Telegram names, however long, and then goes on in
 *       order. Nothing is dropped and no thread is held meanwhile. When the wait is over 30 s, the user gets one short
 *       "busy, your answer follows" notice if Telegram takes it (a chat over its limit may refuse that too);</li>
 *   <li>5xx and network failures (refused, reset, timed out): retried after a pause that doubles up to 15 s, until
 *       the give-up time has passed since the first failure (90 s by default, so an outage of a minute loses nothing);</li>
 *   <li>400 "can't parse entities": the message goes again as plain text, and the HTML Telegram refused is logged
 *       (it is a bug in our renderer, which must always produce valid HTML);</li>
 *   <li>any other 4xx (the user blocked the bot, the chat is gone) is final and logged.</li>
 * </ul>
 */
final class ChatOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatOutbox.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);
    /** More than this many messages waiting for one chat means something is wrong; beyond it new ones are refused (logged). */
    static final int MOST_QUEUED_PER_CHAT = 200;

    /**
     * @param giveUpAfter       how long a message keeps being retried through server and network failures
     * @param busyNoticeAfter   a retry_after (in Telegram's seconds) above this gets the user a notice
     * @param retryAfterSecond  how long one second of retry_after lasts: a second, except in tests that shrink it
     */
    record Timing(Duration giveUpAfter, int busyNoticeAfter, Duration retryAfterSecond) {

        static Timing standard(Duration giveUpAfter) {
            return new Timing(giveUpAfter, 30, Duration.ofSeconds(1));
        }
    }

    /** A call waiting for its chat's turn, with what its retries have cost so far. */
    private static final class Outgoing {
        BotApiMethod<? extends Serializable> method;
        final String busyNotice;
        long firstFailureNanos;
        Duration pause = FIRST_PAUSE;

        Outgoing(BotApiMethod<? extends Serializable> method, String busyNotice) {
            this.method = method;
            this.busyNotice = busyNotice;
        }
    }

    private final TelegramClient client;
    private final Timing timing;
    private final ChatLanes<Long, Outgoing> lanes;

    ChatOutbox(TelegramClient client, int threads, Timing timing) {
        this.client = client;
        this.timing = timing;
        this.lanes = new ChatLanes<>("Telegram", threads, MOST_QUEUED_PER_CHAT, this::attempt);
    }

    /**
     * Queues a call for the chat; the chat's calls go out in the order queued.
     *
     * @param busyNotice plain text to send if the chat must wait more than 30 s before this call; null for none
     */
    void send(long chatId, BotApiMethod<? extends Serializable> method, String busyNotice) {
        if (!lanes.offer(chatId, new Outgoing(method, busyNotice))) {
            LOG.warn("Telegram: {} messages already wait for one chat; refused a {}", MOST_QUEUED_PER_CHAT, method.getMethod());
        }
    }

    /** True when nothing waits for the chat: a "typing" action then shows at the right moment. */
    boolean idle(long chatId) {
        return lanes.idle(chatId);
    }

    /**
     * Tries one call. Returns null when it is done with (sent, or failed for good and logged), or how long the
     * chat must wait before it is tried again.
     */
    private Duration attempt(long chatId, Outgoing outgoing) {
        try {
            client.execute(outgoing.method);
            return null;
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            String description = String.valueOf(e.getApiResponse());
            if (code != null && code == 429) {
                int seconds = retryAfterSeconds(e);
                if (seconds > timing.busyNoticeAfter()) {
                    sendBusyNotice(chatId, outgoing);
                }
                LOG.info("Telegram asks to wait {} s before the next {} to a chat; it is queued", seconds, outgoing.method.getMethod());
                return timing.retryAfterSecond().multipliedBy(seconds);
            }
            if (code != null && code == 400 && isEntityError(description) && outgoing.method instanceof SendMessage message
                    && message.getParseMode() != null) {
                LOG.warn("Telegram refused a message's HTML ({}); sending it again as plain text. The HTML: {}", description, message.getText());
                outgoing.method = plainCopy(message);
                return Duration.ZERO;
            }
            if (code == null || code >= 500) {
                return retryLater(outgoing, code + " " + description);
            }
            if (description.contains("message is not modified")) {
                return null; // an edit that changes nothing: already as wanted
            }
            LOG.warn("Telegram {} failed for good: {} {}", outgoing.method.getMethod(), code, description);
            return null;
        } catch (TelegramApiException e) {
            return retryLater(outgoing, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Telegram {} could not be sent", outgoing.method.getMethod(), e);
            return null;
        }
    }

    private Duration retryLater(Outgoing outgoing, String reason) {
        long now = System.nanoTime();
        if (outgoing.firstFailureNanos == 0) {
            outgoing.firstFailureNanos = now;
        }
        if (now + outgoing.pause.toNanos() - outgoing.firstFailureNanos > timing.giveUpAfter().toNanos()) {
            LOG.warn("Telegram {} given up after {} s of failures: {}", outgoing.method.getMethod(),
                    (now - outgoing.firstFailureNanos) / 1_000_000_000L, reason);
            return null;
        }
        Duration wait = outgoing.pause;
        Duration doubled = wait.multipliedBy(2);
        outgoing.pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
        return wait;
    }

    /** One notice per wait, tried once: if the chat refuses it too, the answer simply follows after the wait. */
    private void sendBusyNotice(long chatId, Outgoing outgoing) {
        if (outgoing.busyNotice == null || !lanes.firstTime(chatId)) {
            return;
        }
        try {
            client.execute(SendMessage.builder().chatId(chatId).text(outgoing.busyNotice).build());
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("The busy notice was not taken either: {}", e.getMessage());
        }
    }

    private static int retryAfterSeconds(TelegramApiRequestException e) {
        if (e.getParameters() != null && e.getParameters().getRetryAfter() != null) {
            return Math.max(1, e.getParameters().getRetryAfter());
        }
        return 1;
    }

    private static boolean isEntityError(String description) {
        return description.toLowerCase(Locale.ROOT).contains("can't parse entities");
    }

    private static SendMessage plainCopy(SendMessage message) {
        SendMessage plain = SendMessage.builder()
                .chatId(message.getChatId())
                .text(TelegramHtml.toPlainText(message.getText()))
                .linkPreviewOptions(message.getLinkPreviewOptions())
                .replyParameters(message.getReplyParameters())
                .replyMarkup(message.getReplyMarkup())
                .build();
        return plain;
    }

    @Override
    public void close() {
        lanes.close();
    }
}
