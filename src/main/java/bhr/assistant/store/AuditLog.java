package bhr.assistant.store;

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

/** DATA_DIR/history.jsonl: every change, one JSON line each, appended after the change is committed. */
@Singleton
@SerdeImport(AuditEntry.class)
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path file;
    private final JsonMapper json;

    public AuditLog(DataConfig config, JsonMapper json) {
        this.file = Path.of(config.dir()).resolve("history.jsonl");
        this.json = json;
    }

    public synchronized void append(AuditEntry entry) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, new String(json.writeValueAsBytes(entry), StandardCharsets.UTF_8) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }

    /** All entries, oldest first; a torn last line from a crash is skipped. */
    public synchronized List<AuditEntry> entries() {
        List<AuditEntry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        entries.add(json.readValue(line, AuditEntry.class));
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("Skipping an unreadable history line in {}", file);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot read history {}: {}", file, e.getMessage());
        }
        return entries;
    }
}
