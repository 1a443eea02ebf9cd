package bhr.assistant.search;

import java.util.Optional;

/**
 * @param text                 the user's text, as typed
 * @param limit                how many passages to return
 * @param actor                only passages whose "Pihak:" line names this actor
 * @param onePerDocumentFirst  put the best passage of each document before second passages of any document
 */
public record SearchRequest(String text, int limit, Optional<String> actor, boolean onePerDocumentFirst) {
}
