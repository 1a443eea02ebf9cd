package bhr.assistant.store;

import java.io.IOException;

/**
 * Keeps uploaded originals and the manifest that says which are current. Files under DATA_DIR by default;
 * a database can stand in when several replicas serve one bot.
 */
public interface DocumentStore {

    /** The last committed manifest (an empty one before the first change). */
    Manifest manifest() throws IOException;

    /** Stores an original under its hash, with its metadata; storing the same version twice is harmless. */
    void putVersion(StoredDocument version, byte[] content) throws IOException;

    byte[] readOriginal(String id, String hash) throws IOException;

    /** A version stored earlier, for restoring it. */
    java.util.Optional<StoredDocument> version(String id, String hash) throws IOException;

    /** Makes the manifest current, all or nothing: after a crash either the old or the new one is read. */
    void commit(Manifest manifest) throws IOException;
}
