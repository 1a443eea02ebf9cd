package bhr.assistant.store;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * DATA_DIR/documents/&lt;id&gt;/&lt;hash&gt;: originals, written once under their content hash. DATA_DIR/manifest.json:
 * the current state, replaced by writing a temporary file, forcing it to disk and renaming it over the old one,
 * which the file system does atomically. A crash before the rename leaves the old manifest; after it, the new.
 */
@Singleton
@SerdeImport(Manifest.class)
@SerdeImport(StoredDocument.class)
public class FileDocumentStore implements DocumentStore {

    private final Path root;
    private final JsonMapper json;

    public FileDocumentStore(DataConfig config, JsonMapper json) {
        this.root = Path.of(config.dir());
        this.json = json;
    }

    @Override
    public Manifest manifest() throws IOException {
        Path file = root.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            return Manifest.empty();
        }
        return json.readValue(Files.readAllBytes(file), Manifest.class);
    }

    @Override
    public void putVersion(StoredDocument version, byte[] content) throws IOException {
        Path target = original(version.id(), version.hash());
        if (!(Files.isRegularFile(target) && Files.size(target) == content.length)) {
            writeAtomically(target, content);
        }
        writeAtomically(target.resolveSibling(version.hash() + ".json"), json.writeValueAsBytes(version));
    }

    @Override
    public byte[] readOriginal(String id, String hash) throws IOException {
        return Files.readAllBytes(original(id, hash));
    }

    @Override
    public Optional<StoredDocument> version(String id, String hash) throws IOException {
        Path file = original(id, hash).resolveSibling(hash + ".json");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(original(id, hash))) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(Files.readAllBytes(file), StoredDocument.class));
    }

    @Override
    public void commit(Manifest manifest) throws IOException {
        writeAtomically(root.resolve("manifest.json"), json.writeValueAsBytes(manifest));
    }

    private Path original(String id, String hash) {
        // Both parts are validated ([a-z0-9-] ids, hex hashes) before they get here; resolve() never climbs out.
        return root.resolve("documents").resolve(id).resolve(hash);
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
