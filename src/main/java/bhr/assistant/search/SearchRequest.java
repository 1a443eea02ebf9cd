package bhr.assistant.search;

import java.util.Optional;

/**
 * @param text                 the user's text, as typed
 * @param limit                how many passages to return
 * @param actor                only passages whose "Pihak:" line names this actor
 * @param onePerDocumentFirst  put the best passage of each document before second passages of any document
 * @param preferredLanguage    documents in this language get a small boost (the language the user writes in)
 */
public record SearchRequest(String text, int limit, Optional<String> actor, boolean onePerDocumentFirst,
                            Optional<String> preferredLanguage) {

    public SearchRequest(String text, int limit, Optional<String> actor, boolean onePerDocumentFirst) {
        this(text, limit, actor, onePerDocumentFirst, Optional.empty());
    }
}
