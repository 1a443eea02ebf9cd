package bhr.assistant.postgres;

import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Feedback in the {@code feedback} table, shared by replicas. A record with a vote key replaces the row with the
 * same key (and takes its place at the end, as a changed vote does in the file store). Knowledge gaps from the
 * answer path ({@link #recordLater}) go through a queue written by a thread of its own: answering never waits on
 * the database, and during an outage up to {@value #QUEUE_CAPACITY} of them wait for it to come back.
 */
@Singleton
@Requires(beans = Database.class)
@Replaces(FeedbackStore.class)
public class PostgresFeedbackStore implements FeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresFeedbackStore.class);
    static final int QUEUE_CAPACITY = 10_000;
    private static final long BATCH_PAUSE_MILLIS = 250;

    private final Database db;
    private final LinkedBlockingDeque<FeedbackRecord> queue = new LinkedBlockingDeque<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean closed;

    public PostgresFeedbackStore(Database db) {
        this.db = db;
        this.writer = new Thread(this::writeQueued, "feedback-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public boolean record(FeedbackRecord record) {
        try {
            db.transaction(connection -> {
                write(connection, record);
                return null;
            });
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not record feedback: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void recordLater(FeedbackRecord record) {
        if (!queue.offerLast(record)) {
            LOG.warn("Feedback queue full ({} records waiting for the database): a knowledge gap was dropped", QUEUE_CAPACITY);
        }
    }

    @Override
    public List<FeedbackRecord> all() {
        try {
            return db.transaction(connection -> {
                List<FeedbackRecord> records = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT at, kind, question, channel, user_hash, passage_ids, vote_key FROM feedback ORDER BY seq");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        records.add(new FeedbackRecord(rows.getTimestamp(1).toInstant(), FeedbackRecord.Kind.valueOf(rows.getString(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5),
                                Arrays.asList((String[]) rows.getArray(6).getArray()), rows.getString(7)));
                    }
                }
                return records;
            });
        } catch (IOException e) {
            LOG.warn("Could not read feedback: {}", e.getMessage());
            return List.of();
        }
    }

    /** Inserts the record, or replaces the one under its vote key (moving it to the end). */
    static void write(Connection connection, FeedbackRecord record) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO feedback (at, kind, question, channel, user_hash, passage_ids, vote_key) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (vote_key) DO UPDATE SET seq = nextval(pg_get_serial_sequence('feedback', 'seq')), at = excluded.at,
                    kind = excluded.kind, question = excluded.question, channel = excluded.channel, user_hash = excluded.user_hash,
                    passage_ids = excluded.passage_ids""")) {
            upsert.setTimestamp(1, Timestamp.from(record.at()));
            upsert.setString(2, record.kind().name());
            upsert.setString(3, record.question());
            upsert.setString(4, record.channel());
            upsert.setString(5, record.userHash());
            upsert.setArray(6, connection.createArrayOf("text", record.passageIds().toArray(String[]::new)));
            upsert.setString(7, record.voteKey().isEmpty() ? null : record.voteKey());
            upsert.executeUpdate();
        }
    }

    /** Writes queued records in batches, in order; while the database is away they wait, and go once it is back. */
    private void writeQueued() {
        while (!closed) {
            try {
                FeedbackRecord first = queue.pollFirst(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<FeedbackRecord> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, 499);
                try {
                    db.transaction(connection -> {
                        for (FeedbackRecord record : batch) {
                            write(connection, record);
                        }
                        return null;
                    });
                    // A burst of "not found" answers becomes a few batches a second, not a transaction per question.
                    Thread.sleep(BATCH_PAUSE_MILLIS);
                } catch (IOException | RuntimeException e) {
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        if (!queue.offerFirst(batch.get(i))) {
                            break; // full of newer ones: the oldest go
                        }
                    }
                    Thread.sleep(2000);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Records still waiting for the database (for tests and shutdown). */
    int waiting() {
        return queue.size();
    }

    @PreDestroy
    void close() {
        closed = true;
        writer.interrupt();
        if (!queue.isEmpty()) {
            List<FeedbackRecord> left = new ArrayList<>();
            queue.drainTo(left);
            try {
                db.transaction(connection -> {
                    for (FeedbackRecord record : left) {
                        write(connection, record);
                    }
                    return null;
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} knowledge gap(s) could not be written before shutdown: {}", left.size(), e.getMessage());
            }
        }
    }
}
