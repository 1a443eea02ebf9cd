package bhr.assistant.chat;

/** How many questions a user may ask in any sliding minute, counted per user across a channel's entry points. */
public interface QuestionQuota {

    /**
     * Counts a question and tells whether it is within the limit.
     *
     * @param userKey   channel and a user id or its hash, e.g. "telegram:12345"
     * @param perMinute the limit; 0 or less means no limit (nothing is counted)
     * @return false when the user already asked {@code perMinute} questions in the last minute (this one is not counted)
     */
    boolean tryAcquire(String userKey, int perMinute);
}
