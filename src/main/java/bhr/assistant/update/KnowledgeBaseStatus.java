package bhr.assistant.update;

import bhr.assistant.kb.LoadProblem;
import bhr.assistant.store.StorageUse;

import java.time.Instant;
import java.util.List;

/**
 * What admins see at GET /admin/status.
 *
 * @param version     in-process build counter of the knowledge base served now
 * @param contentHash fingerprint of every original served: equal content, equal hash, across restarts
 * @param revision    how many admin changes the stored manifest has seen; a change can name it to apply only
 *                    if nobody else changed anything since
 * @param skipped     files of the knowledge-base directory (or stored uploads) that could not be read, with reasons
 * @param storage     room the stored data takes (null if it cannot be measured now)
 * @param stale       passages whose time-sensitive statements are dated longer ago than KB_STALE_AFTER_MONTHS,
 *                    oldest first: what to re-check against the sources
 */
public record KnowledgeBaseStatus(long version, String contentHash, long revision, int documents, int passages,
                                  int uploadedDocuments, Instant lastUpdate, String lastError, Instant lastErrorAt,
                                  List<LoadProblem> skipped, StorageUse storage, List<StalePassage> stale) {

    /** A passage due for re-checking: its id, section and the month its time-sensitive statements were true in. */
    public record StalePassage(String passageId, String section, String asOf) {
    }
}
