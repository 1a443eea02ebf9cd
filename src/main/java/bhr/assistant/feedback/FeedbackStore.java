package bhr.assistant.feedback;

import java.util.List;

/** Where feedback records are kept. Files under DATA_DIR by default; PostgreSQL when several replicas share one store. */
public interface FeedbackStore {

    /**
     * Keeps the record. A failure to keep it is logged and returned, never thrown at the user who gave it, who
     * must not be told it was recorded. A record with a {@link FeedbackRecord#voteKey()} replaces the one kept under
     * the same key.
     *
     * @return whether the record was kept
     */
    boolean record(FeedbackRecord record);

    /**
     * Keeps the record when it can, without making the caller wait: for records nobody is told about (a question
     * answered "not found" becomes a knowledge gap), written from the answer path, which must not wait on a
     * database. A store that writes quickly (a file) writes it at once; a database store queues it and writes it in
     * the background, keeping the queue through an outage.
     */
    default void recordLater(FeedbackRecord record) {
        record(record);
    }

    /** Every record, oldest first; of those sharing a vote key only the latest, where it was recorded. */
    List<FeedbackRecord> all();
}
