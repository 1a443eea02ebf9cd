package bhr.assistant.whatsapp;

import java.util.Optional;

/**
 * What a reply button or list row asks for, carried in its id (at most 256 characters): an action and an argument.
 * <ul>
 *   <li>{@code q:<key>} quotes of an answer, {@code m:<key>} more results, {@code v:<key>} ask for a vote,
 *       {@code f+:<key>} / {@code f-:<key>} the vote;</li>
 *   <li>{@code x:<lang>:<i>} ask example question i; {@code a:<lang>:<actor>:<offset>} a page of a duty bearer's obligations.</li>
 * </ul>
 * The key is the answer's in the {@link bhr.assistant.chat.AnswerMemory}.
 */
record ReplyId(String action, String argument) {

    static final String QUOTES = "q";
    static final String MORE = "m";
    static final String VOTE = "v";
    static final String HELPFUL = "f+";
    static final String NOT_HELPFUL = "f-";
    static final String EXAMPLE = "x";
    static final String ACTOR = "a";

    String encode() {
        return action + ":" + argument;
    }

    static Optional<ReplyId> parse(String id) {
        if (id == null || id.length() > GraphMessages.MAX_ID) {
            return Optional.empty();
        }
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new ReplyId(id.substring(0, colon), id.substring(colon + 1)));
    }
}
