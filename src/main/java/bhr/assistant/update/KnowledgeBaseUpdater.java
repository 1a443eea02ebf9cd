package bhr.assistant.update;

import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.DocumentReader;
import bhr.assistant.kb.InvalidDocumentException;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.LoadProblem;
import bhr.assistant.kb.LoadReport;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.store.AuditEntry;
import bhr.assistant.store.AuditLog;
import bhr.assistant.store.DocumentStore;
import bhr.assistant.store.Manifest;
import bhr.assistant.store.StoredDocument;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the served knowledge base in step with its sources: the bundled directory (KB_DIR, watched for
 * changes) and the documents admins upload (kept in the {@link DocumentStore}). Every change is applied the
 * same way, one at a time:
 * <ol>
 *   <li>read and check the new content; a refusal changes nothing;</li>
 *   <li>store the new original (under its hash, beside the old ones);</li>
 *   <li>build the new index to the side;</li>
 *   <li>commit the manifest atomically: from here a restart serves the new state;</li>
 *   <li>swap the new index in, then record the change in the history.</li>
 * </ol>
 * A crash before step 4 restarts into the old state, after it into the new one; readers never see a mix.
 */
@Singleton
public class KnowledgeBaseUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseUpdater.class);
    private static final String BUNDLED = "bundled:";

    private final KnowledgeIndex index;
    private final Path directory;
    private final DocumentStore store;
    private final AuditLog history;
    private final KnowledgeBaseConfig config;
    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
    private final DocumentReader reader = new DocumentReader();
    /** Parsed uploads by hash and metadata, so a rebuild does not parse every stored PDF again. */
    private final Map<String, KnowledgeDocument> parsedUploads = new HashMap<>();

    private LoadReport bundled = new LoadReport(List.of(), List.of());
    private Manifest manifest = Manifest.empty();
    private List<LoadProblem> uploadProblems = List.of();
    private String bundledFingerprint = "";
    private volatile Instant lastUpdate;
    private volatile String lastError = "";
    private volatile Instant lastErrorAt;
    private ScheduledExecutorService watcher;

    private final AssistantMetrics metrics;

    public KnowledgeBaseUpdater(KnowledgeIndex index, KnowledgeBaseConfig config, DocumentStore store, AuditLog history,
                                AssistantMetrics metrics) {
        this.metrics = metrics;
        this.index = index;
        this.directory = Path.of(config.dir());
        this.store = store;
        this.history = history;
        this.config = config;
    }

    private volatile CompletableFuture<Void> startupLoad = CompletableFuture.completedFuture(null);

    /**
     * The first load runs on a thread of its own, beside the rest of start-up (the HTTP server binding, the bot):
     * on two cores that brings the time to ready under 3 s (measured in the benchmark). Questions that arrive
     * meanwhile wait for it ({@link KnowledgeIndex#read}); /health says DOWN until it is served.
     */
    @EventListener
    void onStartup(StartupEvent event) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        startupLoad = CompletableFuture.runAsync(() -> {
            synchronized (this) {
                locked.countDown();
                reload("start-up");
                startWatching();
            }
        }, task -> new Thread(task, "kb-startup").start());
        // Returns once the load holds this updater's lock: an upload or reindex that comes early queues behind it.
        locked.await(10, TimeUnit.SECONDS);
    }

    /** The server counts as started only with its knowledge base: a failed first load fails the start. */
    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        startupLoad.join();
    }

    /** Reads the directory and the stored uploads again and swaps the result in whole. */
    public synchronized IndexSnapshot.KnowledgeBaseVersion reload(String reason) {
        long started = System.nanoTime();
        String fingerprint = fingerprint();
        bundled = loader.load(directory);
        bundled.problems().forEach(problem -> LOG.warn("Skipped {}: {}", problem.file(), problem.reason()));
        try {
            manifest = store.manifest();
        } catch (IOException | RuntimeException e) {
            // The manifest is written atomically, so this means DATA_DIR is unreadable: serve the bundled
            // documents and say so, rather than not starting.
            fail("cannot read the stored manifest: " + e.getMessage());
        }
        IndexSnapshot snapshot = prepare(assemble());
        index.publish(snapshot);
        bundledFingerprint = fingerprint;
        lastUpdate = Instant.now();
        metrics.reindexed(java.time.Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Knowledge base v{} ({}) from {}: {} documents ({} uploaded), {} passages indexed in {} ms; {} file(s) skipped",
                snapshot.version().number(), reason, directory.toAbsolutePath(), snapshot.version().documents(),
                manifest.documents().size(), snapshot.version().passages(), (System.nanoTime() - started) / 1_000_000,
                skipped().size());
        if (snapshot.version().documents() == 0) {
            LOG.warn("The knowledge base is empty: every question will be answered as not found");
        }
        return snapshot.version();
    }

    /** Creates or replaces an uploaded document. */
    public synchronized KnowledgeDocument upsert(Upload upload, String actor) throws InvalidDocumentException, IOException {
        KnowledgeDocument document = read(upload);
        String hash = document.contentHash();
        StoredDocument version = new StoredDocument(upload.id(), hash, upload.format().contentType(), upload.declared(), Instant.now(), actor);
        String oldHash = currentHash(upload.id());
        store.putVersion(version, upload.content());
        parsedUploads.put(cacheKey(version), document);
        apply(manifest.with(version), new AuditEntry(Instant.now(), actor, "upload", upload.id(), oldHash, hash));
        return document;
    }

    /** Removes a document; false if no document has this id. */
    public synchronized boolean delete(String id, String actor) throws IOException {
        String oldHash = currentHash(id);
        if (oldHash.isEmpty()) {
            return false;
        }
        boolean bundledExists = bundled.documents().stream().anyMatch(document -> document.id().equals(id));
        apply(manifest.without(id, bundledExists), new AuditEntry(Instant.now(), actor, "delete", id, oldHash, ""));
        return true;
    }

    /**
     * Brings back the version a document had before its last change (an upload replaced or removed it).
     *
     * @return empty if the id has no history; otherwise the result of the restore
     */
    public synchronized Optional<RestoreResult> restore(String id, String actor) throws IOException {
        Optional<AuditEntry> last = history.entries().stream()
                .filter(entry -> entry.documentId().equals(id) && !entry.action().equals("reindex"))
                .reduce((first, second) -> second);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        String previous = last.get().oldHash();
        String current = currentHash(id);
        if (previous.isEmpty()) {
            return Optional.of(RestoreResult.NOTHING_BEFORE);
        }
        Manifest next;
        if (previous.startsWith(BUNDLED)) {
            if (bundled.documents().stream().noneMatch(document -> document.id().equals(id))) {
                return Optional.of(RestoreResult.NOTHING_BEFORE);
            }
            next = manifest.revertedToBundled(id);
        } else {
            Optional<StoredDocument> version = store.version(id, previous);
            if (version.isEmpty()) {
                return Optional.of(RestoreResult.NOTHING_BEFORE);
            }
            next = manifest.with(version.get());
        }
        apply(next, new AuditEntry(Instant.now(), actor, "restore", id, current, previous));
        return Optional.of(RestoreResult.RESTORED);
    }

    public enum RestoreResult { RESTORED, NOTHING_BEFORE }

    /** The knowledge base's state for admins. */
    public KnowledgeBaseStatus status() {
        IndexSnapshot.KnowledgeBaseVersion version = index.version().orElse(null);
        synchronized (this) {
            return new KnowledgeBaseStatus(
                    version == null ? 0 : version.number(), version == null ? "" : version.contentHash(), manifest.revision(),
                    version == null ? 0 : version.documents(), version == null ? 0 : version.passages(),
                    manifest.documents().size(), lastUpdate, lastError, lastErrorAt, skipped());
        }
    }

    /** The documents served now. */
    public List<KnowledgeDocument> servedDocuments() {
        return index.read(snapshot -> snapshot.documents());
    }

    public List<AuditEntry> history() {
        return history.entries();
    }

    /** Files skipped by the last load, with reasons. */
    public synchronized List<LoadProblem> lastProblems() {
        return skipped();
    }

    // ---- the one way changes are applied

    private void apply(Manifest next, AuditEntry entry) throws IOException {
        IndexSnapshot snapshot = prepare(assemble(next));
        try {
            store.commit(next);
        } catch (IOException | RuntimeException e) {
            index.discard(snapshot);
            fail("could not save the change to " + entry.documentId() + ": " + e.getMessage());
            throw e;
        }
        manifest = next;
        index.publish(snapshot);
        lastUpdate = Instant.now();
        try {
            history.append(entry);
        } catch (IOException e) {
            // The change is committed and served; only its history line is missing. Say so, do not undo it.
            fail("change applied but not recorded in the history: " + e.getMessage());
        }
        LOG.info("{} {} by {}: knowledge base v{}, {} documents, {} passages", entry.action(), entry.documentId(), entry.actor(),
                snapshot.version().number(), snapshot.version().documents(), snapshot.version().passages());
    }

    private IndexSnapshot prepare(List<KnowledgeDocument> documents) {
        try {
            return index.prepare(documents);
        } catch (IOException e) {
            throw new UncheckedIOException("building the index failed", e);
        }
    }

    private List<KnowledgeDocument> assemble() {
        return assemble(manifest);
    }

    /** Bundled documents, less those hidden or replaced by uploads, plus the uploads. */
    private List<KnowledgeDocument> assemble(Manifest state) {
        List<KnowledgeDocument> documents = new ArrayList<>();
        for (KnowledgeDocument document : bundled.documents()) {
            if (!state.hidden().contains(document.id()) && !state.documents().containsKey(document.id())) {
                documents.add(document);
            }
        }
        List<LoadProblem> problems = new ArrayList<>();
        for (String id : state.ids()) {
            StoredDocument stored = state.documents().get(id);
            try {
                documents.add(parsedUpload(stored));
            } catch (IOException | InvalidDocumentException | RuntimeException e) {
                problems.add(new LoadProblem("uploaded:" + id, e.getMessage()));
                LOG.warn("Stored upload {} cannot be served: {}", id, e.getMessage());
            }
        }
        uploadProblems = List.copyOf(problems);
        return documents;
    }

    private KnowledgeDocument parsedUpload(StoredDocument stored) throws IOException, InvalidDocumentException {
        KnowledgeDocument cached = parsedUploads.get(cacheKey(stored));
        if (cached != null) {
            return cached;
        }
        DocumentFormat format = DocumentFormat.fromContentType(stored.contentType())
                .orElseThrow(() -> new InvalidDocumentException("unknown stored type " + stored.contentType()));
        KnowledgeDocument document = read(new Upload(stored.id(), store.readOriginal(stored.id(), stored.hash()), format, stored.declared()));
        parsedUploads.put(cacheKey(stored), document);
        return document;
    }

    private KnowledgeDocument read(Upload upload) throws InvalidDocumentException {
        Map<String, String> declared = new HashMap<>(upload.declared());
        declared.put("id", upload.id());
        return reader.read("uploaded:" + upload.id(), upload.content(), upload.format(), declared, true, Instant.now());
    }

    private static String cacheKey(StoredDocument stored) {
        return stored.hash() + "|" + new java.util.TreeMap<>(stored.declared());
    }

    private String currentHash(String id) {
        StoredDocument uploaded = manifest.documents().get(id);
        if (uploaded != null) {
            return uploaded.hash();
        }
        if (manifest.hidden().contains(id)) {
            return "";
        }
        return bundled.documents().stream().filter(document -> document.id().equals(id)).findFirst()
                .map(document -> BUNDLED + document.contentHash()).orElse("");
    }

    private List<LoadProblem> skipped() {
        List<LoadProblem> all = new ArrayList<>(bundled.problems());
        all.addAll(uploadProblems);
        return all;
    }

    private void fail(String message) {
        lastError = message;
        lastErrorAt = Instant.now();
        LOG.error(message);
    }

    // ---- watching KB_DIR

    private void startWatching() {
        if (config.watchIntervalMillis() <= 0) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kb-watch");
            thread.setDaemon(true);
            return thread;
        });
        String[] seen = {bundledFingerprint};
        watcher.scheduleWithFixedDelay(() -> {
            try {
                String now = fingerprint();
                boolean changed;
                synchronized (this) {
                    changed = !now.equals(bundledFingerprint);
                }
                // Debounce: reload once the directory has looked the same for a whole interval, so an editor
                // saving a file in several writes, or a copy of many files, causes one reload.
                if (changed && now.equals(seen[0])) {
                    reload("knowledge-base directory changed");
                }
                seen[0] = now;
            } catch (RuntimeException e) {
                fail("reloading the knowledge-base directory failed: " + e.getMessage());
            }
        }, config.watchIntervalMillis(), config.watchIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    /** Names, sizes and modification times of every file in KB_DIR: changes when any file does. */
    private String fingerprint() {
        if (!Files.isDirectory(directory)) {
            return "missing";
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().map(file -> {
                try {
                    return directory.relativize(file) + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
                } catch (IOException e) {
                    return file + "|unreadable";
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "unlistable";
        }
    }

    @PreDestroy
    void stopWatching() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
