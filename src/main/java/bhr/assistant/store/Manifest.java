package bhr.assistant.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What admins have changed, as one value committed whole: every document id they touched, with its versions and
 * the one current. A bundled document no admin has touched has no entry and is served from the knowledge-base
 * directory. Every commit makes a manifest with the next revision.
 */
public record Manifest(long revision, Map<String, DocumentEntry> documents) {

    public Manifest {
        documents = Map.copyOf(documents);
    }

    public static Manifest empty() {
        return new Manifest(0, Map.of());
    }

    public Optional<DocumentEntry> entry(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    /** The manifest after the change, with the next revision; refuses a change that does not fit this manifest. */
    public Manifest apply(Change change) {
        DocumentEntry existing = documents.get(change.documentId());
        List<DocumentVersion> versions = new ArrayList<>(existing == null ? List.of() : existing.versions());
        versions.addAll(change.added());
        Map<String, DocumentEntry> next = new HashMap<>(documents);
        next.put(change.documentId(), new DocumentEntry(versions, change.current(), change.deleted()));
        return new Manifest(revision + 1, next);
    }

    public List<String> ids() {
        return documents.keySet().stream().sorted().toList();
    }
}
