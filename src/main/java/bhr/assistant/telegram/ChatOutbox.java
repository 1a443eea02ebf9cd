package bhr.assistant.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** One chat's queue. Only one drain runs per lane at a time, which is what keeps the chat's order. */
    private static final class Lane {
        final long chatId;
        final Deque<Outgoing> queue = new ArrayDeque<>();
        boolean draining;
        boolean noticeSent;

        Lane(long chatId) {
            this.chatId = chatId;
        }
    }

    private final TelegramClient client;
    private final Timing timing;
    private final ScheduledThreadPoolExecutor senders;
    private final ConcurrentHashMap<Long, Lane> lanes = new ConcurrentHashMap<>();

    ChatOutbox(TelegramClient client, int threads, Timing timing) {
        this.client = client;
        this.timing = timing;
        AtomicInteger count = new AtomicInteger();
        this.senders = new ScheduledThreadPoolExecutor(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "telegram-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.senders.setRemoveOnCancelPolicy(true);
    }

    /**
     * Queues a call for the chat; the chat's calls go out in the order queued.
     *
     * @param busyNotice plain text to send if the chat must wait more than 30 s before this call; null for none
     */
    void send(long chatId, BotApiMethod<? extends Serializable> method, String busyNotice) {
        Outgoing outgoing = new Outgoing(method, busyNotice);
        Lane[] toStart = new Lane[1];
        lanes.compute(chatId, (id, existing) -> {
            Lane lane = existing == null ? new Lane(id) : existing;
            synchronized (lane) {
                if (lane.queue.size() >= MOST_QUEUED_PER_CHAT) {
                    LOG.warn("Telegram: {} messages already wait for one chat; refused a {}", lane.queue.size(), method.getMethod());
                    return lane;
                }
                lane.queue.addLast(outgoing);
                if (!lane.draining) {
                    lane.draining = true;
                    toStart[0] = lane;
                }
            }
            return lane;
        });
        if (toStart[0] != null) {
            run(() -> drain(toStart[0]), Duration.ZERO);
        }
    }

    /** True when nothing waits for the chat: a "typing" action then shows at the right moment. */
    boolean idle(long chatId) {
        Lane lane = lanes.get(chatId);
        if (lane == null) {
            return true;
        }
        synchronized (lane) {
            return lane.queue.isEmpty();
        }
    }

    /** Sends the chat's queued calls until it is empty or must wait; a wait schedules the next drain instead of sleeping. */
    private void drain(Lane lane) {
        while (true) {
            Outgoing next;
            synchronized (lane) {
                next = lane.queue.peekFirst();
            }
            if (next == null && finished(lane)) {
                return;
            }
            if (next == null) {
                continue; // something was queued while the lane was being retired
            }
            Duration wait = attempt(lane, next);
            if (wait != null) {
                run(() -> drain(lane), wait);
                return;
            }
            synchronized (lane) {
                lane.queue.pollFirst();
            }
        }
    }

    /** Retires an empty lane; false when a call arrived meanwhile and the drain must go on. */
    private boolean finished(Lane lane) {
        boolean[] done = new boolean[1];
        lanes.computeIfPresent(lane.chatId, (id, current) -> {
            synchronized (lane) {
                if (current != lane || !lane.queue.isEmpty()) {
                    return current;
                }
                lane.draining = false;
                done[0] = true;
                return null;
            }
        });
        return done[0] || lanes.get(lane.chatId) != lane;
    }

    /**
     * Tries one call. Returns null when it is done with (sent, or failed for good and logged), or how long the
     * chat must wait before it is tried again.
     */
    private Duration attempt(Lane lane, Outgoing outgoing) {
        try {
            client.execute(outgoing.method);
            return null;
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            String description = String.valueOf(e.getApiResponse());
            if (code != null && code == 429) {
                int seconds = retryAfterSeconds(e);
                if (seconds > timing.busyNoticeAfter()) {
                    sendBusyNotice(lane, outgoing);
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
    private void sendBusyNotice(Lane lane, Outgoing outgoing) {
        synchronized (lane) {
            if (lane.noticeSent || outgoing.busyNotice == null) {
                return;
            }
            lane.noticeSent = true;
        }
        try {
            client.execute(SendMessage.builder().chatId(lane.chatId).text(outgoing.busyNotice).build());
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

    private void run(Runnable task, Duration delay) {
        try {
            senders.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Telegram outbox closed; a queued call was not sent");
        }
    }

    @Override
    public void close() {
        int waiting = lanes.values().stream().mapToInt(lane -> {
            synchronized (lane) {
                return lane.queue.size();
            }
        }).sum();
        senders.shutdownNow();
        if (waiting > 0) {
            LOG.warn("Telegram outbox closed with {} message(s) not yet delivered", waiting);
        }
    }
}
