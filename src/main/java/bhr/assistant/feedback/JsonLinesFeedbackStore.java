package bhr.assistant.feedback;

import bhr.assistant.store.DataConfig;
import bhr.assistant.store.JsonLinesFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Feedback as JSON lines in DATA_DIR/feedback.jsonl. The file is only ever appended to, so a changed vote is a
 * second line with the same vote key, and reading keeps the latest of them.
 */
@Singleton
@SerdeImport(FeedbackRecord.class)
class JsonLinesFeedbackStore implements FeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFeedbackStore.class);

    private final JsonLinesFile<FeedbackRecord> file;

    JsonLinesFeedbackStore(DataConfig config, JsonMapper json) {
        this.file = new JsonLinesFile<>(Path.of(config.dir()).resolve("feedback.jsonl"), FeedbackRecord.class, json, false);
    }

    @Override
    public boolean record(FeedbackRecord record) {
        try {
            file.append(record);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not record feedback in {}: {}", file.path(), e.toString());
            return false;
        }
    }

    @Override
    public List<FeedbackRecord> all() {
        Map<Object, FeedbackRecord> latest = new LinkedHashMap<>();
        for (FeedbackRecord record : file.read()) {
            Object key = record.voteKey().isEmpty() ? new Object() : record.voteKey();
            latest.remove(key); // a changed vote takes the place of the change, not of the first vote
            latest.put(key, record);
        }
        return List.copyOf(latest.values());
    }
}
