package bhr.assistant.store;

import bhr.assistant.kb.DocumentReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The store as files under DATA_DIR, for one instance (the directory is locked, {@link DataDirectoryLock}):
 * <ul>
 *   <li>{@code documents/<id>/<sha256>}: each uploaded original, written once under its id and content hash
 *       (the same bytes under two ids are two files: ids are identities);</li>
 *   <li>{@code manifest.json}: every document's versions and the current one; replaced whole by writing a
 *       temporary file, forcing it to disk and renaming it over the old one, which the file system does
 *       atomically: this rename is the commit;</li>
 *   <li>{@code history.jsonl}: one line per change, written (and forced to disk) just before the rename. A line
 *       whose revision the manifest never reached (a crash between the two) is not listed, and the next change
 *       at that revision supersedes it; so history and manifest commit together.</li>
 * </ul>
 */
@Singleton
@SerdeImport(Manifest.class)
@SerdeImport(DocumentEntry.class)
@SerdeImport(DocumentVersion.class)
@SerdeImport(AuditEntry.class)
public class FileDocumentStore implements DocumentStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileDocumentStore.class);
    private static final String HASH = "[0-9a-f]{64}";

    private final Path root;
    private final JsonMapper json;
    private final JsonLinesFile<AuditEntry> history;

    public FileDocumentStore(DataConfig config, JsonMapper json) {
        this.root = Path.of(config.dir());
        this.json = json;
        this.history = new JsonLinesFile<>(root.resolve("history.jsonl"), AuditEntry.class, json, true);
    }

    @Override
    public synchronized Manifest manifest() throws IOException {
        Path file = manifestFile();
        if (!Files.isRegularFile(file)) {
            return Manifest.empty();
        }
        byte[] content = Files.readAllBytes(file);
        if (LegacyDataDirectory.isLegacy(json.readValue(content, JsonNode.class))) {
            return convertLegacy(content);
        }
        return json.readValue(content, Manifest.class);
    }

    /** A DATA_DIR from before numbered versions: converted once, and written back in today's form. */
    private Manifest convertLegacy(byte[] content) throws IOException {
        Manifest converted = LegacyDataDirectory.convert(content, root, json, history.read());
        try {
            writeAtomically(manifestFile(), json.writeValueAsBytes(converted));
            LOG.info("Converted DATA_DIR's manifest to numbered versions: {} documents", converted.documents().size());
        } catch (IOException e) {
            LOG.warn("Read DATA_DIR's manifest in its old form but could not write it back converted: {}", e.toString());
        }
        return converted;
    }

    @Override
    public void putOriginal(String id, String hash, byte[] content) throws IOException {
        Path target = original(id, hash);
        if (!(Files.isRegularFile(target) && Files.size(target) == content.length)) {
            writeAtomically(target, content);
        }
    }

    @Override
    public byte[] readOriginal(String id, String hash) throws IOException {
        byte[] content = Files.readAllBytes(original(id, hash));
        if (!DocumentReader.sha256(content).equals(hash)) {
            throw new IOException("the stored original " + hash.substring(0, 12) + " of '" + id + "' is damaged (its content no longer matches its hash)");
        }
        return content;
    }

    @Override
    public synchronized Manifest commit(long expectedRevision, Change change) throws IOException {
        Manifest current = manifest();
        if (current.revision() != expectedRevision) {
            throw new StaleRevisionException(expectedRevision, current.revision());
        }
        Manifest next = current.apply(change);
        history.append(change.entry().withRevision(next.revision()));
        writeAtomically(manifestFile(), json.writeValueAsBytes(next));
        return next;
    }

    @Override
    public synchronized List<AuditEntry> history() throws IOException {
        long committed = manifest().revision();
        List<AuditEntry> lines = history.read();
        // The last line written for a revision is the one that committed; lines beyond the manifest never did.
        Map<Long, Integer> lastLineOfRevision = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            lastLineOfRevision.put(lines.get(i).revision(), i);
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AuditEntry entry = lines.get(i);
            if (entry.revision() == 0 || (entry.revision() <= committed && lastLineOfRevision.get(entry.revision()) == i)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Override
    public synchronized long removeUnreferenced(Duration grace) throws IOException {
        Path documents = root.resolve("documents");
        if (!Files.isDirectory(documents)) {
            return 0;
        }
        Manifest manifest = manifest();
        Set<Path> referenced = new HashSet<>();
        manifest.documents().forEach((id, entry) -> entry.versions().stream().filter(version -> !version.bundled())
                .forEach(version -> referenced.add(original(id, version.hash()))));
        Instant cutoff = Instant.now().minus(grace);
        long freed = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(documents)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            if (!referenced.contains(file) && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                long size = Files.size(file);
                Files.deleteIfExists(file);
                freed += size;
                LOG.info("Housekeeping: removed {} ({} bytes), which no version references", root.relativize(file), size);
            }
        }
        try (Stream<Path> directories = Files.list(documents)) {
            for (Path directory : directories.filter(Files::isDirectory).toList()) {
                try (Stream<Path> left = Files.list(directory)) {
                    if (left.findAny().isEmpty()) {
                        Files.deleteIfExists(directory);
                    }
                }
            }
        }
        return freed;
    }

    @Override
    public StorageUse storageUse() throws IOException {
        long free = Files.isDirectory(root) ? Files.getFileStore(root).getUsableSpace() : -1;
        return new StorageUse(size(root), size(root.resolve("documents")), free);
    }

    private static long size(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed while counting (a retired index version)
                }
            }).sum();
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private Path manifestFile() {
        return root.resolve("manifest.json");
    }

    private Path original(String id, String hash) {
        // Ids are validated ([a-z0-9-]) before they get here and hashes are hex: resolve() never climbs out.
        if (!hash.matches(HASH) || id.contains("/") || id.contains("..")) {
            throw new IllegalArgumentException("not a stored original: " + id + "/" + hash);
        }
        return root.resolve("documents").resolve(id).resolve(hash);
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
