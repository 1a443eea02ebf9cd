package bhr.assistant.whatsapp;

import bhr.assistant.chat.ChatLanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the bot sends, queued per user and delivered in order, many users in parallel (in ChatLanes, as Telegram's
 * ChatOutbox). A user's queue waits without holding a thread:
 * <ul>
 *   <li>rate limits (HTTP 429, or codes 4, 80007, 130429, 131048, 131056): the queue waits for the Retry-After Meta
 *       names, else for a pause that doubles from 1 s up to a minute, and goes on in order; nothing is dropped;</li>
 *   <li>Meta's own trouble (5xx, codes 1, 2, 131000, 131016) and network failures: retried the same way until the
 *       give-up time has passed since the first failure (90 s by default);</li>
 *   <li>an interactive message refused as invalid (100, 131008, 131009): sent again as plain text;</li>
 *   <li>anything else (131047: the 24-hour window closed; the user is not on WhatsApp; a bad token) is final and logged.</li>
 * </ul>
 * Each message carries the end of the user's 24-hour customer-service window: a message still waiting then is
 * dropped (logged), since WhatsApp only lets a business write to a user within 24 hours of the user's last message,
 * and this channel sends nothing unsolicited.
 */
final class WhatsAppOutbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppOutbox.class);
    /** More than this many messages waiting for one user means something is wrong; beyond it new ones are refused (logged). */
    static final int MOST_QUEUED_PER_USER = 200;

    /**
     * @param firstPause   the first wait after a rate limit or failure (doubled each time after)
     * @param longestPause the longest wait between two tries
     * @param giveUpAfter  how long a message keeps being retried through server and network failures
     */
    record Timing(Duration firstPause, Duration longestPause, Duration giveUpAfter) {

        static Timing standard(Duration giveUpAfter) {
            return new Timing(Duration.ofSeconds(1), Duration.ofSeconds(60), giveUpAfter);
        }
    }

    /** A message waiting for its user's turn, with what its retries have cost so far. */
    private static final class Pending {
        GraphMessages.Outgoing message;
        final Instant windowCloses;
        long firstFailureNanos;
        Duration pause;

        Pending(GraphMessages.Outgoing message, Instant windowCloses, Duration firstPause) {
            this.message = message;
            this.windowCloses = windowCloses;
            this.pause = firstPause;
        }
    }

    private final GraphApi api;
    private final Timing timing;
    private final Clock clock;
    private final ChatLanes<String, Pending> lanes;

    WhatsAppOutbox(GraphApi api, int threads, Timing timing, Clock clock) {
        this.api = api;
        this.timing = timing;
        this.clock = clock;
        this.lanes = new ChatLanes<>("WhatsApp", threads, MOST_QUEUED_PER_USER, this::attempt);
    }

    /**
     * Queues a message for the user; the user's messages go out in the order queued.
     *
     * @param user         the hashed number, which orders the queue and names the user in logs
     * @param windowCloses the end of the user's customer-service window: the message is not sent after it
     */
    void send(String user, GraphMessages.Outgoing message, Instant windowCloses) {
        if (!lanes.offer(user, new Pending(message, windowCloses, timing.firstPause()))) {
            LOG.warn("WhatsApp: {} messages already wait for user {}; refused another", MOST_QUEUED_PER_USER, user);
        }
    }

    /** True when nothing waits for the user: a typing indicator then shows at the right moment. */
    boolean idle(String user) {
        return lanes.idle(user);
    }

    /**
     * Marks the user's message read (blue ticks), with a typing indicator if asked: tried once, at once, outside the
     * queue (it is not a message, and a lost receipt costs nothing).
     */
    void markRead(String messageId, boolean typing) {
        try {
            api.post(GraphMessages.read(messageId, typing));
        } catch (GraphApiException | IOException e) {
            LOG.debug("WhatsApp read receipt not taken: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tries one message: null when it is done with (sent, or failed for good and logged), else how long the user's queue waits. */
    private Duration attempt(String user, Pending pending) {
        if (clock.instant().isAfter(pending.windowCloses)) {
            LOG.info("WhatsApp: a reply to user {} was not sent: the 24-hour customer-service window closed while it waited", user);
            return null;
        }
        try {
            api.post(pending.message.payload());
            return null;
        } catch (GraphApiException e) {
            if (e.rateLimited()) {
                Duration wait = e.retryAfter() != null ? e.retryAfter() : nextPause(pending);
                LOG.info("WhatsApp rate limit ({}); user {}'s messages wait {} ms and follow in order", e.getMessage(), user, wait.toMillis());
                return wait;
            }
            if (e.invalidMessage() && pending.message.interactive()) {
                LOG.warn("WhatsApp refused an interactive message to user {} ({}); sending it again as plain text. It was: {}",
                        user, e.getMessage(), Privacy.withoutNumbers(pending.message.plainText()));
                pending.message = pending.message.asPlainText();
                return Duration.ZERO;
            }
            if (e.temporary()) {
                return retryLater(user, pending, e.getMessage());
            }
            if (e.windowClosed()) {
                LOG.info("WhatsApp: user {} wrote over 24 hours ago; the reply was not sent ({})", user, e.getMessage());
                return null;
            }
            LOG.warn("WhatsApp refused a message to user {} for good: {}", user, e.getMessage());
            return null;
        } catch (IOException e) {
            return retryLater(user, pending, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            LOG.error("WhatsApp message to user {} could not be sent", user, e);
            return null;
        }
    }

    private Duration retryLater(String user, Pending pending, String reason) {
        long now = System.nanoTime();
        if (pending.firstFailureNanos == 0) {
            pending.firstFailureNanos = now;
        }
        if (now + pending.pause.toNanos() - pending.firstFailureNanos > timing.giveUpAfter().toNanos()) {
            LOG.warn("WhatsApp message to user {} given up after {} s of failures: {}", user,
                    (now - pending.firstFailureNanos) / 1_000_000_000L, reason);
            return null;
        }
        LOG.info("WhatsApp send failed ({}); retrying user {}'s messages in {} ms", reason, user, pending.pause.toMillis());
        return nextPause(pending);
    }

    private Duration nextPause(Pending pending) {
        Duration wait = pending.pause;
        Duration doubled = wait.multipliedBy(2);
        pending.pause = doubled.compareTo(timing.longestPause()) > 0 ? timing.longestPause() : doubled;
        return wait;
    }

    @Override
    public void close() {
        lanes.close();
    }
}
