package bhr.assistant.chat;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.Citation;
import bhr.assistant.index.KnowledgeIndex;

import java.util.HashMap;
import java.util.Map;

/**
 * Which version of each cited document an answer quoted, and whether the knowledge base still serves it: a quote
 * button pressed later says that a document has since been replaced or deleted instead of showing the old text.
 */
public final class CitedVersions {

    /** Whether a cited document is still the version an answer quoted. */
    public enum Freshness { CURRENT, REPLACED, DELETED }

    private CitedVersions() {
    }

    /**
     * The answer with the version of each document it cites. Read just after answering: a change in between
     * (rare) makes a later quote say "replaced" when its text is in fact current, never the other way round.
     */
    public static RememberedAnswer remember(Answer answer, KnowledgeIndex index) {
        Map<String, String> hashes = index.read(snapshot -> {
            Map<String, String> byId = new HashMap<>();
            for (Citation citation : answer.citations()) {
                snapshot.document(citation.documentId()).ifPresent(document -> byId.put(document.id(), document.contentHash()));
            }
            return byId;
        });
        return new RememberedAnswer(answer, hashes);
    }

    /** Each cited document's freshness, by id; a document the answer could not find a version of counts as deleted. */
    public static Map<String, Freshness> freshness(RememberedAnswer remembered, KnowledgeIndex index) {
        return index.read(snapshot -> {
            Map<String, Freshness> byId = new HashMap<>();
            remembered.documentHashes().forEach((id, hash) -> byId.put(id, snapshot.document(id)
                    .map(current -> current.contentHash().equals(hash) ? Freshness.CURRENT : Freshness.REPLACED)
                    .orElse(Freshness.DELETED)));
            return byId;
        });
    }
}
