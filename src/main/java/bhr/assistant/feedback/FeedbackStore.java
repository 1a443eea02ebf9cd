package bhr.assistant.feedback;

import java.util.List;

/** Where feedback records are kept. Files under DATA_DIR by default; a database can stand in later. */
public interface FeedbackStore {

    /**
     * Keeps the record. A failure to keep it is logged and returned, never thrown at the user who gave it, who
     * must not be told it was recorded. A record with a {@link FeedbackRecord#voteKey()} replaces the one kept under
     * the same key.
     *
     * @return whether the record was kept
     */
    boolean record(FeedbackRecord record);

    /** Every record, oldest first; of those sharing a vote key only the latest, where it was recorded. */
    List<FeedbackRecord> all();
}
