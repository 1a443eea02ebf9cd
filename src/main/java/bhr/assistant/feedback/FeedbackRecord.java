package bhr.assistant.feedback;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One signal about an answer: a question the assistant could not answer, or a user's rating.
 *
 * @param kind        {@link Kind}
 * @param channel     where it came from: "api", "web" or "telegram"
 * @param userHash    salted hash of the user id; empty when there is none (never the id itself)
 * @param passageIds  the passages the rated answer cited
 * @param voteKey     for a rating that a user may change (a chat vote on one answer): the same key for every
 *                    change, so the store keeps only the latest; empty for records that stand on their own
 */
public record FeedbackRecord(Instant at, Kind kind, String question, String channel, String userHash, List<String> passageIds,
                             @Nullable String voteKey) {

    public enum Kind { UNANSWERED, HELPFUL, NOT_HELPFUL }

    @Creator
    public FeedbackRecord {
        passageIds = List.copyOf(passageIds);
        voteKey = voteKey == null ? "" : voteKey;
    }

    public FeedbackRecord(Instant at, Kind kind, String question, String channel, String userHash, List<String> passageIds) {
        this(at, kind, question, channel, userHash, passageIds, "");
    }
}
