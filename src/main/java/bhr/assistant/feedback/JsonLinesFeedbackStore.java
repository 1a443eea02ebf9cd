package bhr.assistant.feedback;

import bhr.assistant.store.DataConfig;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends each record as one JSON line to DATA_DIR/feedback.jsonl. Appending a line is all-or-nothing in
 * practice; a torn last line (a crash mid-write) is skipped when reading.
 */
@Singleton
@SerdeImport(FeedbackRecord.class)
class JsonLinesFeedbackStore implements FeedbackStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFeedbackStore.class);

    private final Path file;
    private final JsonMapper json;

    JsonLinesFeedbackStore(DataConfig config, JsonMapper json) {
        this.file = Path.of(config.dir()).resolve("feedback.jsonl");
        this.json = json;
    }

    @Override
    public synchronized void record(FeedbackRecord record) {
        try {
            Files.createDirectories(file.getParent());
            String line = new String(json.writeValueAsBytes(record), StandardCharsets.UTF_8) + "\n";
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not record feedback in {}: {}", file, e.getMessage());
        }
    }

    @Override
    public synchronized List<FeedbackRecord> all() {
        List<FeedbackRecord> records = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return records;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(json.readValue(line, FeedbackRecord.class));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping an unreadable feedback line in {}", file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not read feedback from {}: {}", file, e.getMessage());
        }
        return records;
    }
}
