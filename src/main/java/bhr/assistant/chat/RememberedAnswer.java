package bhr.assistant.chat;

import bhr.assistant.answer.Answer;

import java.util.Map;

/**
 * An answer as a chat showed it, with the version of each document it cites: a quote button pressed later can
 * tell that a document has since been replaced or deleted, and say so instead of showing the old text.
 *
 * @param documentHashes content hash of each cited document (by id) when the answer was given
 */
public record RememberedAnswer(Answer answer, Map<String, String> documentHashes) {

    public RememberedAnswer {
        documentHashes = Map.copyOf(documentHashes);
    }
}
