package bhr.assistant.chat;

/**
 * How the votes on one answer stand after a ballot.
 *
 * @param previous what the user had voted before: null for a first vote
 * @param helpful  what the user votes now
 * @param helpfulVotes    👍 on the answer, this user's included
 * @param notHelpfulVotes 👎 on the answer, this user's included
 * @param kept     false when the vote could not be stored: nothing changed, and the user must not be told it counted
 */
public record VoteOutcome(Boolean previous, boolean helpful, int helpfulVotes, int notHelpfulVotes, boolean kept) {

    public boolean first() {
        return previous == null;
    }

    /** False when the user pressed the vote they had already given: nothing was stored again. */
    public boolean changed() {
        return previous == null || previous != helpful;
    }
}
