package bhr.assistant.store;

import java.util.List;

/**
 * One change to one document, as the store commits it in one step: the versions it adds (numbered on from the
 * document's last), the version current afterwards, whether the document is deleted, and the history line.
 */
public record Change(String documentId, List<DocumentVersion> added, int current, boolean deleted, AuditEntry entry) {

    public Change {
        added = List.copyOf(added);
    }
}
