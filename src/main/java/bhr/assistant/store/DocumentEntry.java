package bhr.assistant.store;

import java.util.List;
import java.util.Optional;

/**
 * Everything the store knows of one document id: its versions, oldest first (numbered 1, 2, ...), which one is
 * current, and whether the document is deleted (then {@code current} is the version it had when deleted, so a
 * restore can bring exactly that back).
 */
public record DocumentEntry(List<DocumentVersion> versions, int current, boolean deleted) {

    public DocumentEntry {
        versions = List.copyOf(versions);
        if (current < 1 || current > versions.size()) {
            throw new IllegalArgumentException("current version " + current + " of " + versions.size());
        }
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).number() != i + 1) {
                throw new IllegalArgumentException("versions must be numbered 1.." + versions.size());
            }
        }
    }

    public Optional<DocumentVersion> version(int number) {
        return number >= 1 && number <= versions.size() ? Optional.of(versions.get(number - 1)) : Optional.empty();
    }

    public DocumentVersion currentVersion() {
        return versions.get(current - 1);
    }

    /** The version served now; empty while deleted. */
    public Optional<DocumentVersion> served() {
        return deleted ? Optional.empty() : Optional.of(currentVersion());
    }

    public int nextNumber() {
        return versions.size() + 1;
    }
}
