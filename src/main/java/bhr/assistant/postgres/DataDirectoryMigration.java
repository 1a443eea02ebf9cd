package bhr.assistant.postgres;

import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.store.AuditEntry;
import bhr.assistant.store.DataConfig;
import bhr.assistant.store.DataDirectoryLock;
import bhr.assistant.store.DocumentEntry;
import bhr.assistant.store.DocumentVersion;
import bhr.assistant.store.FileDocumentStore;
import bhr.assistant.store.JsonLinesFile;
import bhr.assistant.store.Manifest;
import bhr.assistant.store.UserIdHasher;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * Copies a file store (DATA_DIR) into an empty PostgreSQL database, in one transaction: every document's versions
 * and current version at the same revision, the originals they reference, the history, the feedback and the
 * user-id salt (so hashes recorded before stay comparable). Run it once, with the service stopped (DATA_DIR is
 * locked meanwhile), before the first replica starts on the database:
 *
 * <pre>DATABASE_URL=postgresql://... DATA_DIR=data java -jar target/bhr-assistant-0.1.0.jar migrate-data-dir</pre>
 *
 * A database that already holds a knowledge base is refused, and nothing is written.
 */
@SerdeImport(FeedbackRecord.class)
public final class DataDirectoryMigration {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryMigration.class);

    /** What was copied. */
    public record Copied(long revision, int documents, int versions, int originals, int historyEntries, int feedbackRecords) {
    }

    private DataDirectoryMigration() {
    }

    /** The command: DATABASE_URL and DATA_DIR from the environment; exit status 0 once copied, 1 otherwise. */
    public static int run() {
        String url = System.getenv("DATABASE_URL");
        String dataDir = System.getenv().getOrDefault("DATA_DIR", "data");
        if (url == null || url.isBlank()) {
            System.err.println("migrate-data-dir: set DATABASE_URL (postgresql://user:password@host:5432/db) to the database to copy DATA_DIR into");
            return 1;
        }
        try {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            Copied copied = copy(Path.of(dataDir), parsed, JsonMapper.createDefault());
            System.out.println("Copied DATA_DIR " + Path.of(dataDir).toAbsolutePath() + " into " + parsed + ": revision " + copied.revision()
                    + ", " + copied.documents() + " documents, " + copied.versions() + " versions, " + copied.originals() + " originals, "
                    + copied.historyEntries() + " history entries, " + copied.feedbackRecords() + " feedback records");
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("migrate-data-dir: nothing was copied: " + e.getMessage());
            return 1;
        }
    }

    public static Copied copy(Path dataDirectory, DatabaseUrl url, JsonMapper json) throws IOException {
        if (!Files.isRegularFile(dataDirectory.resolve("manifest.json")) && !Files.isRegularFile(dataDirectory.resolve("feedback.jsonl"))) {
            throw new IOException("DATA_DIR " + dataDirectory.toAbsolutePath() + " holds no manifest.json or feedback.jsonl: nothing to copy");
        }
        try (DataDirectoryLock lock = new DataDirectoryLock(dataDirectory); Database db = new Database(url, 2)) {
            FileDocumentStore files = new FileDocumentStore(new DataConfig(dataDirectory.toString()), json);
            Manifest manifest = files.manifest();
            List<AuditEntry> history = files.history();
            List<FeedbackRecord> feedback = Files.isRegularFile(dataDirectory.resolve("feedback.jsonl"))
                    ? new JsonLinesFile<>(dataDirectory.resolve("feedback.jsonl"), FeedbackRecord.class, json, false).read() : List.of();
            String salt = UserIdHasher.saltOf(dataDirectory);
            PostgresDocumentStore store = new PostgresDocumentStore(db, json);
            return db.transaction(connection -> {
                try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM feedback"); ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        throw new IOException("the database already holds feedback: a DATA_DIR is imported into an empty database only");
                    }
                }
                store.importAll(connection, manifest, history);
                int originals = 0;
                int versions = 0;
                for (String id : manifest.ids()) {
                    DocumentEntry entry = manifest.documents().get(id);
                    versions += entry.versions().size();
                    for (DocumentVersion version : entry.versions()) {
                        if (version.bundled()) {
                            continue; // its original is the KB_DIR file
                        }
                        byte[] content = files.readOriginal(id, version.hash());
                        try (PreparedStatement insert = connection.prepareStatement("""
                                INSERT INTO originals (document_id, hash, content, size) VALUES (?, ?, ?, ?)
                                ON CONFLICT (document_id, hash) DO NOTHING""")) {
                            insert.setString(1, id);
                            insert.setString(2, version.hash());
                            insert.setBytes(3, content);
                            insert.setLong(4, content.length);
                            originals += insert.executeUpdate();
                        }
                    }
                }
                // Vote keys: the file keeps every change of a vote; the latest is what counts, and the upsert keeps it.
                for (FeedbackRecord record : feedback) {
                    PostgresFeedbackStore.write(connection, record);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                    insert.setString(1, SharedUserIdHasher.SALT);
                    insert.setString(2, salt);
                    insert.executeUpdate();
                }
                LOG.info("Copied DATA_DIR {} into {}", dataDirectory.toAbsolutePath(), url);
                return new Copied(manifest.revision(), manifest.documents().size(), versions, originals, history.size(), feedback.size());
            });
        }
    }
}
