package bhr.assistant.conversation;

import java.util.Optional;

/**
 * A chat message as the conversation layer reads it.
 *
 * @param smallTalk what kind of small talk it is; empty for a question
 * @param question  the question to answer, without emoji, markup, a greeting before it or thanks after it
 * @param language  "id" or "en" when the small-talk words tell; empty when they do not
 */
public record Turn(Optional<SmallTalk> smallTalk, String question, Optional<String> language) {
}
