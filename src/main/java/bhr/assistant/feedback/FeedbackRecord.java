package bhr.assistant.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One signal about an answer: a question the assistant could not answer, or a user's rating.
 *
 * @param kind        {@link Kind}
 * @param channel     where it came from: "api", "web" or "telegram"
 * @param userHash    salted hash of the user id; empty when there is none (never the id itself)
 * @param passageIds  the passages the rated answer cited
 */
public record FeedbackRecord(Instant at, Kind kind, String question, String channel, String userHash, List<String> passageIds) {

    public enum Kind { UNANSWERED, HELPFUL, NOT_HELPFUL }

    public FeedbackRecord {
        passageIds = List.copyOf(passageIds);
    }
}
