package bhr.assistant.chat;

import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who voted what on the last {@value InMemoryAnswerMemory#CAPACITY} answers voted on, in this process. Each change
 * is written to the {@link FeedbackStore} under the ballot's vote key, so the store keeps one record per user and
 * answer; a vote on an answer forgotten here is written again, and the vote key still keeps it to one record.
 */
@Singleton
public class InMemoryVoteBook implements VoteBook {

    private final FeedbackStore feedback;
    /** answer key -> user hash -> helpful; least recently voted answers go first. */
    private final Map<String, Map<String, Boolean>> votes = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Boolean>> eldest) {
            return size() > InMemoryAnswerMemory.CAPACITY;
        }
    };

    public InMemoryVoteBook(FeedbackStore feedback) {
        this.feedback = feedback;
    }

    @Override
    public VoteOutcome cast(Ballot ballot) {
        synchronized (votes) {
            Map<String, Boolean> onAnswer = votes.computeIfAbsent(ballot.answerKey(), key -> new HashMap<>());
            Boolean previous = onAnswer.get(ballot.userHash());
            boolean kept = Boolean.valueOf(ballot.helpful()).equals(previous) || feedback.record(new FeedbackRecord(Instant.now(),
                    ballot.helpful() ? FeedbackRecord.Kind.HELPFUL : FeedbackRecord.Kind.NOT_HELPFUL,
                    ballot.question(), ballot.channel(), ballot.userHash(), ballot.passageIds(), voteKey(ballot)));
            if (kept) {
                onAnswer.put(ballot.userHash(), ballot.helpful());
            }
            int helpful = (int) onAnswer.values().stream().filter(Boolean::booleanValue).count();
            return new VoteOutcome(previous, ballot.helpful(), helpful, onAnswer.size() - helpful, kept);
        }
    }

    /** One key per channel, answer and user. */
    static String voteKey(Ballot ballot) {
        return ballot.channel() + ":" + ballot.answerKey() + ":" + ballot.userHash();
    }
}
