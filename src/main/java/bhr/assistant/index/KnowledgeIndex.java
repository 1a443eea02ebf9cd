package bhr.assistant.index;

import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.store.DataConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The knowledge base currently served. Updates build a new snapshot to the side and swap it in whole. */
@Singleton
public class KnowledgeIndex {

    private final IndexBuilder builder;
    private final AtomicReference<IndexSnapshot> current = new AtomicReference<>();
    private final AtomicLong versionNumbers = new AtomicLong();
    private final CountDownLatch firstPublished = new CountDownLatch(1);
    /** How long a read waits for the first version while the service is starting, before it answers "not ready". */
    private static final Duration START_UP_WAIT = Duration.ofSeconds(30);

    /** Index files under DATA_DIR/index (CONTRACT.md). */
    @Inject
    public KnowledgeIndex(Analyzers analyzers, DataConfig data) {
        this(analyzers, IndexDirectories.under(Path.of(data.dir(), "index")));
    }

    public KnowledgeIndex(Analyzers analyzers, IndexDirectories directories) {
        this.builder = new IndexBuilder(analyzers, directories);
    }

    /** Index files in a temporary directory: for tools and tests. */
    public KnowledgeIndex(Analyzers analyzers) {
        this(analyzers, IndexDirectories.temporary());
    }

    /** Builds an index of exactly these documents and makes it the one served. */
    public synchronized IndexSnapshot replace(List<KnowledgeDocument> documents) throws IOException {
        IndexSnapshot next = prepare(documents);
        publish(next);
        return next;
    }

    /** Builds an index to the side; nothing changes for readers until {@link #publish}. */
    public IndexSnapshot prepare(List<KnowledgeDocument> documents) throws IOException {
        return builder.build(documents, versionNumbers.incrementAndGet());
    }

    /** Makes a prepared snapshot the one served. */
    public synchronized void publish(IndexSnapshot next) {
        IndexSnapshot previous = current.getAndSet(next);
        firstPublished.countDown();
        if (previous != null) {
            previous.release(); // drops the index's own reference; searches still running keep it open
        }
    }

    /** Drops a prepared snapshot that will not be published. */
    public void discard(IndexSnapshot prepared) {
        prepared.release();
    }

    public boolean isReady() {
        return current.get() != null;
    }

    /** The version served now, without holding it: for status output. */
    public Optional<IndexSnapshot.KnowledgeBaseVersion> version() {
        IndexSnapshot snapshot = current.get();
        return snapshot == null ? Optional.empty() : Optional.of(snapshot.version());
    }

    /**
     * Runs a read against one consistent snapshot, which stays open until the read returns even if a new
     * version is swapped in meanwhile.
     */
    public <T> T read(Function<IndexSnapshot, T> reading) {
        while (true) {
            IndexSnapshot snapshot = current.get();
            if (snapshot == null) {
                if (awaitFirstVersion()) {
                    continue;
                }
                throw new IndexNotReadyException();
            }
            if (snapshot.tryAcquire()) {
                try {
                    return reading.apply(snapshot);
                } finally {
                    snapshot.release();
                }
            }
            // The snapshot was retired between get() and tryAcquire(): take the newer one.
        }
    }

    /** Waits while the first version is being built: a question asked during start-up gets its answer a little later. */
    private boolean awaitFirstVersion() {
        try {
            return firstPublished.await(START_UP_WAIT.toMillis(), TimeUnit.MILLISECONDS) && current.get() != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    synchronized void close() {
        IndexSnapshot snapshot = current.getAndSet(null);
        if (snapshot != null) {
            snapshot.release();
        }
    }
}
