package bhr.assistant.postgres;

import bhr.assistant.kb.DocumentReader;
import bhr.assistant.store.AuditEntry;
import bhr.assistant.store.Change;
import bhr.assistant.store.DocumentEntry;
import bhr.assistant.store.DocumentStore;
import bhr.assistant.store.DocumentVersion;
import bhr.assistant.store.FileDocumentStore;
import bhr.assistant.store.Manifest;
import bhr.assistant.store.StaleRevisionException;
import bhr.assistant.store.StorageUse;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link DocumentStore} in PostgreSQL, shared by every replica. A commit is one transaction: it moves
 * {@code manifest_head.revision} on only if it still has the expected value (compare-and-set: a concurrent commit
 * holds the row until it ends, after which the condition fails), adds the versions, sets the document's current
 * version, writes the history row and notifies the other replicas ({@code NOTIFY bhr_manifest, '<revision>'},
 * delivered when the transaction commits). Either all of it commits or none.
 */
@Singleton
@Requires(beans = Database.class)
@Replaces(FileDocumentStore.class)
public class PostgresDocumentStore implements DocumentStore {

    /** The channel replicas LISTEN on; the payload is the committed revision. */
    public static final String CHANNEL = "bhr_manifest";
    private static final Argument<Map<String, String>> METADATA = Argument.mapOf(String.class, String.class);

    private final Database db;
    private final JsonMapper json;

    public PostgresDocumentStore(Database db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Manifest manifest() throws IOException {
        // One snapshot for the head and the rows: a commit in between cannot give a mix.
        return db.transaction(Connection.TRANSACTION_REPEATABLE_READ, this::readManifest);
    }

    @Override
    public long revision() throws IOException {
        return db.transaction(connection -> headRevision(connection));
    }

    @Override
    public void putOriginal(String id, String hash, byte[] content) throws IOException {
        db.transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO originals (document_id, hash, content, size) VALUES (?, ?, ?, ?)
                    ON CONFLICT (document_id, hash) DO UPDATE SET stored_at = now()""")) {
                // stored_at moves on when it exists already, so housekeeping does not take it while this change is under way
                insert.setString(1, id);
                insert.setString(2, hash);
                insert.setBytes(3, content);
                insert.setLong(4, content.length);
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public byte[] readOriginal(String id, String hash) throws IOException {
        byte[] content = db.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT content FROM originals WHERE document_id = ? AND hash = ?")) {
                select.setString(1, id);
                select.setString(2, hash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getBytes(1) : null;
                }
            }
        });
        if (content == null) {
            throw new IOException("the stored original " + hash.substring(0, Math.min(12, hash.length())) + " of '" + id + "' is missing");
        }
        if (!DocumentReader.sha256(content).equals(hash)) {
            throw new IOException("the stored original " + hash.substring(0, 12) + " of '" + id + "' is damaged (its content no longer matches its hash)");
        }
        return content;
    }

    @Override
    public Manifest commit(long expectedRevision, Change change) throws IOException {
        return db.transaction(connection -> {
            long committed;
            try (PreparedStatement move = connection.prepareStatement(
                    "UPDATE manifest_head SET revision = revision + 1 WHERE revision = ? RETURNING revision")) {
                move.setLong(1, expectedRevision);
                try (ResultSet rows = move.executeQuery()) {
                    if (!rows.next()) {
                        throw new StaleRevisionException(expectedRevision, headRevision(connection));
                    }
                    committed = rows.getLong(1);
                }
            }
            // From here this transaction holds the head row: nobody else commits until it ends.
            int existing = versionCount(connection, change.documentId());
            for (int i = 0; i < change.added().size(); i++) {
                if (change.added().get(i).number() != existing + i + 1) {
                    throw new IllegalArgumentException("version " + change.added().get(i).number() + " of '" + change.documentId()
                            + "' is out of sequence (it has " + existing + ")");
                }
            }
            if (change.current() < 1 || change.current() > existing + change.added().size()) {
                throw new IllegalArgumentException("current version " + change.current() + " of '" + change.documentId() + "' does not exist");
            }
            try (PreparedStatement document = connection.prepareStatement("""
                    INSERT INTO documents (id, current_version, deleted) VALUES (?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET current_version = excluded.current_version, deleted = excluded.deleted""")) {
                document.setString(1, change.documentId());
                document.setInt(2, change.current());
                document.setBoolean(3, change.deleted());
                document.executeUpdate();
            }
            insertVersions(connection, change.documentId(), change.added(), committed);
            insertHistory(connection, List.of(change.entry().withRevision(committed)));
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
                notify.setString(1, Long.toString(committed));
                notify.execute();
            }
            return readManifest(connection);
        });
    }

    @Override
    public List<AuditEntry> history() throws IOException {
        return db.transaction(connection -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, actor, action, document_id, old_hash, new_hash, version, revision FROM history ORDER BY seq");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getTimestamp(1).toInstant(), rows.getString(2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getInt(7), rows.getLong(8)));
                }
            }
            return entries;
        });
    }

    @Override
    public long removeUnreferenced(Duration grace) throws IOException {
        return db.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM originals o
                    WHERE o.stored_at < now() - make_interval(secs => ?)
                      AND NOT EXISTS (SELECT 1 FROM document_versions v
                                      WHERE v.document_id = o.document_id AND v.hash = o.hash AND NOT v.bundled)
                    RETURNING o.size""")) {
                delete.setDouble(1, grace.toMillis() / 1000.0);
                long freed = 0;
                try (ResultSet rows = delete.executeQuery()) {
                    while (rows.next()) {
                        freed += rows.getLong(1);
                    }
                }
                return freed;
            }
        });
    }

    @Override
    public StorageUse storageUse() throws IOException {
        return db.transaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT pg_database_size(current_database()), (SELECT coalesce(sum(size), 0) FROM originals)");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return new StorageUse(rows.getLong(1), rows.getLong(2), -1);
            }
        });
    }

    // ---- used by the DATA_DIR migration as well

    /** Writes a whole manifest and its history into an empty database, at the manifest's revision. */
    void importAll(Connection connection, Manifest manifest, List<AuditEntry> history) throws SQLException, IOException {
        if (headRevision(connection) != 0 || versionCount(connection) != 0) {
            throw new IOException("the database already holds a knowledge base (revision " + headRevision(connection)
                    + "): a DATA_DIR is imported into an empty one only");
        }
        for (String id : manifest.ids()) {
            DocumentEntry entry = manifest.documents().get(id);
            try (PreparedStatement document = connection.prepareStatement(
                    "INSERT INTO documents (id, current_version, deleted) VALUES (?, ?, ?)")) {
                document.setString(1, id);
                document.setInt(2, entry.current());
                document.setBoolean(3, entry.deleted());
                document.executeUpdate();
            }
            insertVersions(connection, id, entry.versions(), manifest.revision());
        }
        insertHistory(connection, history);
        try (PreparedStatement head = connection.prepareStatement("UPDATE manifest_head SET revision = ?")) {
            head.setLong(1, manifest.revision());
            head.executeUpdate();
        }
    }

    // ---- reading and writing rows

    private Manifest readManifest(Connection connection) throws SQLException, IOException {
        long revision = headRevision(connection);
        Map<String, List<DocumentVersion>> versions = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT document_id, number, hash, content_type, metadata::text, bundled, made_at, made_by
                FROM document_versions ORDER BY document_id, number""");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new DocumentVersion(rows.getInt(2), rows.getString(3),
                        rows.getString(4), json.readValue(rows.getString(5), METADATA), rows.getBoolean(6), rows.getTimestamp(7).toInstant(),
                        rows.getString(8)));
            }
        }
        Map<String, DocumentEntry> documents = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, current_version, deleted FROM documents");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                documents.put(id, new DocumentEntry(versions.getOrDefault(id, List.of()), rows.getInt(2), rows.getBoolean(3)));
            }
        }
        return new Manifest(revision, documents);
    }

    private void insertVersions(Connection connection, String id, List<DocumentVersion> added, long revision) throws SQLException, IOException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO document_versions (document_id, number, hash, content_type, metadata, bundled, made_at, made_by, revision)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
            for (DocumentVersion version : added) {
                insert.setString(1, id);
                insert.setInt(2, version.number());
                insert.setString(3, version.hash());
                insert.setString(4, version.contentType());
                insert.setString(5, json.writeValueAsString(version.metadata()));
                insert.setBoolean(6, version.bundled());
                insert.setTimestamp(7, Timestamp.from(version.at()));
                insert.setString(8, version.by());
                insert.setLong(9, revision);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertHistory(Connection connection, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO history (revision, at, actor, action, document_id, old_hash, new_hash, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (AuditEntry entry : entries) {
                insert.setLong(1, entry.revision());
                insert.setTimestamp(2, Timestamp.from(entry.at()));
                insert.setString(3, entry.actor());
                insert.setString(4, entry.action());
                insert.setString(5, entry.documentId());
                insert.setString(6, entry.oldHash() == null ? "" : entry.oldHash());
                insert.setString(7, entry.newHash() == null ? "" : entry.newHash());
                insert.setInt(8, entry.version());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static long headRevision(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT revision FROM manifest_head");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int versionCount(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM document_versions WHERE document_id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int versionCount(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM document_versions");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
