package bhr.assistant.store;

import io.micronaut.json.JsonMapper;
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
 * An append-only file of JSON records, one per line (history, feedback). Appending a short line is all or
 * nothing in practice; a line torn by a crash is skipped when reading, and the rest is kept.
 */
public final class JsonLinesFile<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFile.class);

    private final Path file;
    private final Class<T> type;
    private final JsonMapper json;
    private final boolean sync;

    /** @param sync force each line to disk before returning (for records that must survive a crash) */
    public JsonLinesFile(Path file, Class<T> type, JsonMapper json, boolean sync) {
        this.file = file;
        this.type = type;
        this.json = json;
        this.sync = sync;
    }

    public synchronized void append(T record) throws IOException {
        Files.createDirectories(file.getParent());
        String line = new String(json.writeValueAsBytes(record), StandardCharsets.UTF_8) + "\n";
        if (sync) {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } else {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Every readable record, oldest first. */
    public synchronized List<T> read() {
        List<T> records = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return records;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(json.readValue(line, type));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Skipping an unreadable line in {}", file);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", file, e.getMessage());
        }
        return records;
    }

    public Path path() {
        return file;
    }
}
