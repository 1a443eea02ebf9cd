package bhr.assistant.chat;

import java.util.Optional;

/**
 * Answers that buttons refer to. A button carries only a short key (Telegram's callback_data holds at most 64
 * bytes, a WhatsApp reply id not much more), so the answer behind it is kept here until the user presses it.
 */
public interface AnswerMemory {

    /** Keeps the answer and returns its key: at most 16 characters of [0-9a-z]. */
    String remember(RememberedAnswer answer);

    /** The answer under the key; empty once it has been forgotten (or never was), and the button says it expired. */
    Optional<RememberedAnswer> recall(String key);
}
