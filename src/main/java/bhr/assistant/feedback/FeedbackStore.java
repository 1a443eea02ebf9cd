package bhr.assistant.feedback;

import java.util.List;

/** Where feedback records are kept. Files under DATA_DIR by default; a database can stand in later. */
public interface FeedbackStore {

    /**
     * Keeps the record. A failure to keep it is logged and returned, never thrown at the user who gave it, who
     * must not be told it was recorded.
     *
     * @return whether the record was kept
     */
    boolean record(FeedbackRecord record);

    List<FeedbackRecord> all();
}
