package bhr.assistant.feedback;

import java.util.List;

/** Where feedback records are kept. Files under DATA_DIR by default; a database can stand in later. */
public interface FeedbackStore {

    /** Keeps the record; a failure to keep it is logged, never thrown at the user who gave it. */
    void record(FeedbackRecord record);

    List<FeedbackRecord> all();
}
