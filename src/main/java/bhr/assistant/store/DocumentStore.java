package bhr.assistant.store;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Where admins' changes are kept: the originals of uploaded versions, the manifest (every document's versions
 * and which one is current) and the history. Files under DATA_DIR by default ({@link FileDocumentStore}); a
 * database can stand in when several replicas serve one knowledge base.
 *
 * <p>Every change is one {@link #commit} with compare-and-set on the manifest revision: it applies only if
 * nobody committed since the revision it was based on, so a stale writer is refused, never silently overwrites.
 * A database store implements it as one transaction that moves the revision on only if it still has the
 * expected value.
 */
public interface DocumentStore {

    /** The last committed manifest (an empty one, revision 0, before the first change). */
    Manifest manifest() throws IOException;

    /** The last committed revision alone: what a replica asks to learn whether it is behind. */
    default long revision() throws IOException {
        return manifest().revision();
    }

    /**
     * True when several replicas share this store (each follows its commits); false for a store only this process
     * writes.
     */
    default boolean shared() {
        return false;
    }

    /**
     * Keeps an upload's original under its document id and content hash, before the commit that references it.
     * Writing the same original twice is harmless. Originals that no committed version references (the change
     * failed, or was refused as stale) are removed by {@link #removeUnreferenced} once older than its grace period.
     */
    void putOriginal(String id, String hash, byte[] content) throws IOException;

    /** The original of a committed version; fails if it is missing or does not match its hash. */
    byte[] readOriginal(String id, String hash) throws IOException;

    /**
     * Commits one change, all or nothing, if the stored manifest is still at {@code expectedRevision}: its new
     * versions, the document's current version and the history entry. A crash at any point leaves either the
     * old state or the new one, history included.
     *
     * @return the manifest now committed (revision {@code expectedRevision + 1})
     * @throws StaleRevisionException another writer committed first; nothing was changed
     * @throws IllegalArgumentException the change does not fit the manifest (a version number out of sequence)
     */
    Manifest commit(long expectedRevision, Change change) throws IOException;

    /** Every committed change, oldest first. */
    List<AuditEntry> history() throws IOException;

    /**
     * Housekeeping: removes stored originals that no version references, once they are older than {@code grace}
     * (which keeps an original written for a commit still under way).
     *
     * @return bytes freed
     */
    long removeUnreferenced(Duration grace) throws IOException;

    /** How much room the store takes. */
    StorageUse storageUse() throws IOException;
}
