package bhr.assistant.update;

import bhr.assistant.store.DocumentVersion;

import java.util.List;

/**
 * Every version of one document, for GET /admin/documents/{id}/versions.
 *
 * @param current  the current version's number (while deleted: the version deleted)
 * @param versions newest first
 */
public record DocumentVersions(String id, int current, boolean deleted, List<DocumentVersion> versions) {

    public DocumentVersions {
        versions = List.copyOf(versions);
    }
}
