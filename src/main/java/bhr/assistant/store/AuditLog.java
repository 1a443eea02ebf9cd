package bhr.assistant.store;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** DATA_DIR/history.jsonl: every change, one JSON line each, appended (and forced to disk) after the change is committed. */
@Singleton
@SerdeImport(AuditEntry.class)
public class AuditLog {

    private final JsonLinesFile<AuditEntry> file;

    public AuditLog(DataConfig config, JsonMapper json) {
        this.file = new JsonLinesFile<>(Path.of(config.dir()).resolve("history.jsonl"), AuditEntry.class, json, true);
    }

    public void append(AuditEntry entry) throws IOException {
        file.append(entry);
    }

    /** All entries, oldest first. */
    public List<AuditEntry> entries() {
        return file.read();
    }
}
