package bhr.assistant.chat;

/**
 * Votes on answers given in chats: one per user per answer, which the user may change. The feedback store
 * keeps one record per user and answer, the latest vote.
 */
public interface VoteBook {

    /**
     * Records the vote, replacing the user's earlier vote on the same answer; the same vote again stores nothing.
     * A vote the store could not keep changes nothing ({@link VoteOutcome#kept()} false).
     */
    VoteOutcome cast(Ballot ballot);
}
