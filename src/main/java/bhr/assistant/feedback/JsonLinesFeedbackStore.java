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
import java.util.List;

/** Feedback as JSON lines in DATA_DIR/feedback.jsonl. */
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
        return file.read();
    }
}
