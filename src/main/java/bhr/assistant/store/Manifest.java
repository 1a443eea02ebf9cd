package bhr.assistant.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What admins have changed, as one value written atomically: the uploaded documents that are current, and the
 * bundled documents they have removed. Every change produces a new manifest with the next revision.
 *
 * @param hidden ids of bundled knowledge-base documents deleted by an admin (an upload with the id shows again)
 */
public record Manifest(long revision, Map<String, StoredDocument> documents, Set<String> hidden) {

    public Manifest {
        documents = Map.copyOf(documents);
        hidden = Set.copyOf(hidden);
    }

    public static Manifest empty() {
        return new Manifest(0, Map.of(), Set.of());
    }

    public Manifest with(StoredDocument document) {
        Map<String, StoredDocument> next = new HashMap<>(documents);
        next.put(document.id(), document);
        Set<String> nextHidden = new HashSet<>(hidden);
        nextHidden.remove(document.id());
        return new Manifest(revision + 1, next, nextHidden);
    }

    /** Removes an upload and, if the id is also a bundled document, hides that too. */
    public Manifest without(String id, boolean hideBundled) {
        Map<String, StoredDocument> next = new HashMap<>(documents);
        next.remove(id);
        Set<String> nextHidden = new HashSet<>(hidden);
        if (hideBundled) {
            nextHidden.add(id);
        }
        return new Manifest(revision + 1, next, nextHidden);
    }

    /** Drops an upload so that the bundled document with the same id (if any) serves again. */
    public Manifest revertedToBundled(String id) {
        Map<String, StoredDocument> next = new HashMap<>(documents);
        next.remove(id);
        Set<String> nextHidden = new HashSet<>(hidden);
        nextHidden.remove(id);
        return new Manifest(revision + 1, next, nextHidden);
    }

    public List<String> ids() {
        return documents.keySet().stream().sorted().toList();
    }
}
