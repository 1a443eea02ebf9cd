package bhr.assistant.answer;

import java.util.Optional;

/**
 * A question as the front ends pass it on.
 *
 * @param language "id" or "en" when the user chose one; empty to detect it from the text
 * @param limit    most citations to give, 1 to 10
 * @param actor    only passages naming this duty bearer
 */
public record Question(String text, Optional<String> language, int limit, Optional<String> actor) {

    public static final int MAX_LENGTH = 1000;
    public static final int DEFAULT_LIMIT = 3;
    public static final int MAX_LIMIT = 10;

    public static Question of(String text) {
        return new Question(text, Optional.empty(), DEFAULT_LIMIT, Optional.empty());
    }
}
