package bhr.assistant.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import java.time.Duration;

/**
 * Who the bot is on Telegram (from getMe): its username, to recognise mentions and commands meant for it in
 * groups, and its id, to recognise replies to it. Messages are not handled before it is known: in webhook mode
 * updates can arrive before the start-up's getMe got through, and without the username a mention of the bot
 * would be missed and "/help@other_bot" taken for ours.
 */
final class BotIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(BotIdentity.class);
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** Asks Telegram who the bot is. */
    interface Lookup {
        User getMe() throws TelegramApiException;
    }

    private final Lookup lookup;
    private volatile String username = "";
    private volatile long id;

    BotIdentity(Lookup lookup) {
        this.lookup = lookup;
    }

    void set(User me) {
        this.id = me.getId() == null ? 0 : me.getId();
        this.username = me.getUserName() == null ? "" : me.getUserName();
    }

    String username() {
        return username;
    }

    long id() {
        return id;
    }

    boolean known() {
        return !username.isEmpty();
    }

    /**
     * Returns once the username is known, asking Telegram (getMe) until it answers, with pauses growing to 30 s.
     * One caller asks at a time; the others wait for its answer. False only when the thread is interrupted.
     */
    boolean awaitKnown() {
        if (known()) {
            return true;
        }
        synchronized (this) {
            Duration pause = FIRST_PAUSE;
            while (!known()) {
                try {
                    set(lookup.getMe());
                } catch (TelegramApiException | RuntimeException e) {
                    LOG.info("Telegram has not said who the bot is yet ({}); messages wait, asking again in {} s", e.getMessage(), pause.toSeconds());
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                    pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
                }
            }
            return true;
        }
    }
}
