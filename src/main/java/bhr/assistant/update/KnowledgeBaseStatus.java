package bhr.assistant.update;

import bhr.assistant.kb.LoadProblem;

import java.time.Instant;
import java.util.List;

/**
 * What admins see at GET /admin/status.
 *
 * @param version     in-process build counter of the knowledge base served now
 * @param contentHash fingerprint of every original served: equal content, equal hash, across restarts
 * @param revision    how many admin changes the stored manifest has seen
 * @param skipped     files of the knowledge-base directory (or stored uploads) that could not be read, with reasons
 */
public record KnowledgeBaseStatus(long version, String contentHash, long revision, int documents, int passages,
                                  int uploadedDocuments, Instant lastUpdate, String lastError, Instant lastErrorAt,
                                  List<LoadProblem> skipped) {
}
