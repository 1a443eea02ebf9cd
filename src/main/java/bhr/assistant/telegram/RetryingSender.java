package bhr.assistant.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends the Bot API calls that are not messages in a chat and are worth something only soon: answers to button
 * presses and inline queries, command registration. It retries on the caller's thread: 429 after the retry_after
 * Telegram asks for (up to 30 s; a button press or an inline query is stale after that), 5xx and network
 * failures after a pause that doubles up to 15 s, until the give-up time has passed. A 4xx other than 429 is
 * final. Giving up is logged. Messages into chats go through {@link ChatOutbox}, which waits as long as asked.
 */
final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);
    /** Telegram may ask for long waits during floods; beyond this we give up rather than hold a worker. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final TelegramClient client;
    private final Duration giveUpAfter;

    RetryingSender(TelegramClient client, Duration giveUpAfter) {
        this.client = client;
        this.giveUpAfter = giveUpAfter;
    }

    <T extends Serializable> Optional<T> execute(BotApiMethod<T> method) {
        Duration pause = FIRST_PAUSE;
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        for (int attempt = 1; ; attempt++) {
            boolean lastChance = System.nanoTime() + pause.toNanos() > deadline;
            try {
                return Optional.ofNullable(client.execute(method));
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                boolean tooMany = code != null && code == 429;
                boolean serverSide = code == null || code >= 500;
                if (!(tooMany || serverSide) || lastChance) {
                    LOG.warn("Telegram {} failed (attempt {}): {} {}", method.getMethod(), attempt, code, e.getApiResponse());
                    return Optional.empty();
                }
                Duration wait = tooMany ? retryAfter(e).orElse(pause) : pause;
                if (wait.compareTo(LONGEST_WAIT) > 0) {
                    LOG.warn("Telegram {} asks to wait {} s; giving up on this call", method.getMethod(), wait.toSeconds());
                    return Optional.empty();
                }
                sleep(wait);
            } catch (TelegramApiException e) {
                // Network failures (connection refused or reset, timeouts) and unreadable responses.
                if (lastChance) {
                    LOG.warn("Telegram {} failed after {} attempts: {}", method.getMethod(), attempt, e.getMessage());
                    return Optional.empty();
                }
                sleep(pause);
            }
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
        }
    }

    /** One attempt, for what is useless late (a "typing" action); a failure is only logged at debug level. */
    void once(BotApiMethod<? extends Serializable> method) {
        try {
            client.execute(method);
        } catch (TelegramApiException | RuntimeException e) {
            LOG.debug("Telegram {} not taken: {}", method.getMethod(), e.getMessage());
        }
    }

    private static Optional<Duration> retryAfter(TelegramApiRequestException e) {
        if (e.getParameters() != null && e.getParameters().getRetryAfter() != null) {
            return Optional.of(Duration.ofSeconds(Math.max(1, e.getParameters().getRetryAfter())));
        }
        return Optional.empty();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
