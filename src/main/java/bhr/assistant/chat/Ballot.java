package bhr.assistant.chat;

import java.util.List;

/**
 * A user's 👍 or 👎 on one answer.
 *
 * @param answerKey  the answer's key in the {@link AnswerMemory}
 * @param userHash   salted hash of the user id (never the id itself)
 * @param question   the question the answer was for, as the feedback record keeps it
 * @param channel    "telegram", later "whatsapp"
 * @param passageIds the passages the answer cited
 */
public record Ballot(String answerKey, String userHash, boolean helpful, String question, String channel, List<String> passageIds) {

    public Ballot {
        passageIds = List.copyOf(passageIds);
    }
}
