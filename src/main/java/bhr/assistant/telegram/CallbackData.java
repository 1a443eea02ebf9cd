package bhr.assistant.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a button press asks for, encoded in callback_data (at most 64 bytes): an action letter and an argument.
 * <ul>
 *   <li>{@code q:<key>} quotes of an answer, {@code m:<key>} more results, {@code f+:<key>} / {@code f-:<key>} feedback;</li>
 *   <li>{@code x:<lang>:<i>} ask example question i; {@code a:<actor>} obligations of an actor.</li>
 * </ul>
 */
record CallbackData(String action, String argument) {

    static final String QUOTES = "q";
    static final String MORE = "m";
    static final String HELPFUL = "f+";
    static final String NOT_HELPFUL = "f-";
    static final String EXAMPLE = "x";
    static final String ACTOR = "a";
    static final int MAX_BYTES = 64;

    String encode() {
        String data = action + ":" + argument;
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback data over 64 bytes: " + data);
        }
        return data;
    }

    static Optional<CallbackData> parse(String data) {
        if (data == null || data.length() > MAX_BYTES) {
            return Optional.empty();
        }
        int colon = data.indexOf(':');
        if (colon <= 0 || colon == data.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new CallbackData(data.substring(0, colon), data.substring(colon + 1)));
    }
}
