package bhr.assistant.update;

import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.DocumentFormat;
import bhr.assistant.kb.DocumentMetadata;
import bhr.assistant.kb.DocumentReader;
import bhr.assistant.kb.InvalidDocumentException;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.LoadProblem;
import bhr.assistant.kb.LoadReport;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.store.AuditEntry;
import bhr.assistant.store.Change;
import bhr.assistant.store.DocumentEntry;
import bhr.assistant.store.DocumentStore;
import bhr.assistant.store.DocumentVersion;
import bhr.assistant.store.Manifest;
import bhr.assistant.store.StaleRevisionException;
import bhr.assistant.store.StorageFailure;
import bhr.assistant.store.StorageUse;
import bhr.assistant.store.StoreUnavailableException;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the served knowledge base in step with its sources: the bundled directory (KB_DIR, watched for
 * changes) and the versions admins upload (kept in the {@link DocumentStore}). Every change is applied the
 * same way, one at a time:
 * <ol>
 *   <li>read and check the new content; a refusal changes nothing;</li>
 *   <li>store the new original (under its id and hash, beside the old ones);</li>
 *   <li>build the new index to the side;</li>
 *   <li>commit the change with compare-and-set on the manifest revision: from here a restart serves the new
 *       state; a writer that was not up to date is refused (409) and changes nothing;</li>
 *   <li>swap the new index in.</li>
 * </ol>
 * A crash before step 4 restarts into the old state, after it into the new one; readers never see a mix.
 *
 * <p>Versions: each upload adds one, numbered per document; a bundled document gets the KB_DIR file as its
 * version 1 when an admin first changes it. {@code restore} makes an earlier version current again, and works
 * through the whole history. A deleted document keeps its versions, so a restore brings back what was deleted.
 */
@Singleton
public class KnowledgeBaseUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseUpdater.class);
    private static final String BUNDLED = "bundled:";
    private static final String KB_DIR_ACTOR = "kb-dir";
    /** Originals no version references (a failed or refused change) are kept this long, then removed. */
    static final Duration UNREFERENCED_GRACE = Duration.ofHours(1);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);
    /**
     * How often a change not tied to a revision is made again when another replica committed first: each try
     * starts from the latest revision, so only a change storm on every replica at once could use them all up.
     */
    private static final int STALE_ATTEMPTS = 5;

    private final KnowledgeIndex index;
    private final Path directory;
    private final DocumentStore store;
    private final KnowledgeBaseConfig config;
    private final KnowledgeBaseLoader loader = new KnowledgeBaseLoader();
    private final DocumentReader reader = new DocumentReader();
    /** Parsed uploads by id, hash and metadata, so a rebuild does not parse every stored PDF again. */
    private final Map<String, KnowledgeDocument> parsedUploads = new HashMap<>();

    private LoadReport bundled = new LoadReport(List.of(), List.of());
    /** The committed manifest served now; volatile so /health can read its revision without waiting on a change. */
    private volatile Manifest manifest = Manifest.empty();
    private List<LoadProblem> uploadProblems = List.of();
    private String bundledFingerprint = "";
    private volatile Instant lastUpdate;
    private volatile String lastError = "";
    private volatile Instant lastErrorAt;
    private ScheduledExecutorService scheduler;

    private final AssistantMetrics metrics;

    public KnowledgeBaseUpdater(KnowledgeIndex index, KnowledgeBaseConfig config, DocumentStore store, AssistantMetrics metrics) {
        this.metrics = metrics;
        this.index = index;
        this.directory = Path.of(config.dir());
        this.store = store;
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
                startBackgroundWork();
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
        bundled = keepLastGoodVersions(loader.load(directory), bundled);
        bundled.problems().forEach(problem -> LOG.warn("Skipped {}: {}", problem.file(), problem.reason()));
        try {
            manifest = store.manifest();
        } catch (IOException | RuntimeException e) {
            // The manifest is written atomically, so this means DATA_DIR is unreadable: serve the bundled
            // documents and say so, rather than not starting.
            fail("cannot read the stored manifest: " + e.getMessage());
        }
        Assembled assembled = assemble(manifest);
        IndexSnapshot snapshot;
        try {
            snapshot = index.prepare(assembled.documents());
        } catch (IOException e) {
            fail("building the index failed: " + StorageFailure.describe(e));
            throw new UncheckedIOException("building the index failed", e);
        }
        index.publish(snapshot);
        uploadProblems = assembled.problems();
        bundledFingerprint = fingerprint;
        lastUpdate = Instant.now();
        metrics.reindexed(Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Knowledge base v{} ({}) from {}: {} documents ({} changed by admins), {} passages indexed in {} ms; {} file(s) skipped",
                snapshot.version().number(), reason, directory.toAbsolutePath(), snapshot.version().documents(),
                manifest.documents().size(), snapshot.version().passages(), (System.nanoTime() - started) / 1_000_000,
                skipped().size());
        if (snapshot.version().documents() == 0) {
            LOG.warn("The knowledge base is empty: every question will be answered as not found");
        }
        return snapshot.version();
    }

    /** The manifest revision served now (0 before the first change). */
    public long servedRevision() {
        return manifest.revision();
    }

    /**
     * Serves the store's latest revision if it is newer than the one served: another replica committed a change.
     * Only what changed is read again (uploads already parsed are kept); KB_DIR is not re-read.
     *
     * @return whether a newer revision is served now
     * @throws IOException the store cannot be read, or the index cannot be built; the old revision stays served
     */
    public synchronized boolean catchUp(String reason) throws IOException {
        Manifest latest = store.manifest();
        if (latest.revision() <= manifest.revision()) {
            return false;
        }
        long started = System.nanoTime();
        Assembled assembled = assemble(latest);
        IndexSnapshot snapshot = index.prepare(assembled.documents());
        long from = manifest.revision();
        manifest = latest;
        index.publish(snapshot);
        uploadProblems = assembled.problems();
        lastUpdate = Instant.now();
        metrics.reindexed(Duration.ofNanos(System.nanoTime() - started));
        LOG.info("Knowledge base v{} serves revision {} (was {}; {}): {} documents, {} passages, in {} ms", snapshot.version().number(),
                latest.revision(), from, reason, snapshot.version().documents(), snapshot.version().passages(),
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private void catchUpQuietly(String reason) {
        try {
            catchUp(reason);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not catch up with the store ({}): {}", reason, e.toString());
        }
    }

    /** Creates or replaces an uploaded document, as a new version of it. */
    public KnowledgeDocument upsert(Upload upload, String actor) throws InvalidDocumentException, IOException {
        return upsert(upload, actor, OptionalLong.empty());
    }

    /**
     * @param expectedRevision when given, the change applies only if the manifest is still at this revision
     * @throws StaleRevisionException the manifest moved on; nothing was changed
     * @throws IOException            the store could not be written; nothing was changed ({@code lastError} says why)
     */
    public synchronized KnowledgeDocument upsert(Upload upload, String actor, OptionalLong expectedRevision)
            throws InvalidDocumentException, IOException {
        checkRevision(expectedRevision);
        Instant now = Instant.now();
        KnowledgeDocument document = read(upload, now);
        String id = upload.id();
        try {
            store.putOriginal(id, document.contentHash(), upload.content());
        } catch (IOException e) {
            throw storageFailed("could not store the original of " + id, e);
        }
        return retryingStale(expectedRevision, () -> {
            List<DocumentVersion> added = new ArrayList<>(bundledVersionIfFirstChange(id));
            int number = manifest.entry(id).map(DocumentEntry::nextNumber).orElse(1) + added.size();
            DocumentVersion version = new DocumentVersion(number, document.contentHash(), upload.format().contentType(),
                    metadataOf(document), false, now, actor);
            added.add(version);
            parsedUploads.put(cacheKey(id, version), document);
            apply(new Change(id, added, number, false,
                    entry(actor, "upload", id, servedHash(id), version.hash(), number)));
            return document;
        });
    }

    /** Removes a document; false if no document with this id is served. */
    public boolean delete(String id, String actor) throws IOException {
        return delete(id, actor, OptionalLong.empty());
    }

    public synchronized boolean delete(String id, String actor, OptionalLong expectedRevision) throws IOException {
        checkRevision(expectedRevision);
        return retryingStale(expectedRevision, () -> {
            String oldHash = servedHash(id);
            if (oldHash.isEmpty()) {
                return false;
            }
            List<DocumentVersion> added = bundledVersionIfFirstChange(id);
            int current = added.isEmpty() ? manifest.entry(id).orElseThrow().current() : added.get(added.size() - 1).number();
            apply(new Change(id, added, current, true, entry(actor, "delete", id, oldHash, "", current)));
            return true;
        });
    }

    /**
     * Makes an earlier version current again: the one named, or else (while deleted) the version deleted, or
     * else the version numbered before the current one.
     *
     * @throws ChangeRefused no such document or version, or nothing to restore; nothing was changed
     */
    public synchronized DocumentVersion restore(String id, OptionalInt to, String actor, OptionalLong expectedRevision)
            throws ChangeRefused, IOException {
        checkRevision(expectedRevision);
        return retryingStale(expectedRevision, () -> restoreOnce(id, to, actor));
    }

    private DocumentVersion restoreOnce(String id, OptionalInt to, String actor) throws ChangeRefused, IOException {
        Optional<DocumentEntry> found = manifest.entry(id);
        if (found.isEmpty()) {
            throw bundledDocument(id).isPresent()
                    ? new ChangeRefused(ChangeRefused.Kind.CONFLICT, "document '" + id + "' has no earlier version to restore: it is "
                    + "the knowledge-base directory's file and no admin has changed it")
                    : new ChangeRefused(ChangeRefused.Kind.NOT_FOUND, "no document with id '" + id + "'");
        }
        DocumentEntry entry = found.get();
        DocumentVersion target;
        if (to.isPresent()) {
            target = entry.version(to.getAsInt()).orElseThrow(() -> new ChangeRefused(ChangeRefused.Kind.NOT_FOUND,
                    "document '" + id + "' has no version " + to.getAsInt() + " (it has versions 1 to " + entry.versions().size() + ")"));
            if (target.number() == entry.current() && !entry.deleted()) {
                throw new ChangeRefused(ChangeRefused.Kind.CONFLICT, "version " + target.number() + " of '" + id + "' is already the current one");
            }
        } else if (entry.deleted()) {
            target = entry.currentVersion();
        } else if (entry.current() > 1) {
            target = entry.version(entry.current() - 1).orElseThrow();
        } else {
            throw new ChangeRefused(ChangeRefused.Kind.CONFLICT, "document '" + id + "' has no earlier version to restore (version 1 is current)");
        }
        if (target.bundled()) {
            if (bundledDocument(id).isEmpty()) {
                throw new ChangeRefused(ChangeRefused.Kind.CONFLICT, "version " + target.number() + " of '" + id + "' is the knowledge-base "
                        + "directory's file, which is no longer there");
            }
        } else {
            try {
                parsedUpload(id, target);
            } catch (IOException | InvalidDocumentException e) {
                throw new ChangeRefused(ChangeRefused.Kind.CONFLICT, "version " + target.number() + " of '" + id + "' cannot be read: " + e.getMessage());
            }
        }
        String newHash = target.bundled() ? BUNDLED + bundledDocument(id).orElseThrow().contentHash() : target.hash();
        apply(new Change(id, List.of(), target.number(), false, entry(actor, "restore", id, servedHash(id), newHash, target.number())));
        return target;
    }

    /** Every version of a document; empty for an id the knowledge base has never had. */
    public synchronized Optional<DocumentVersions> versions(String id) {
        Optional<DocumentEntry> entry = manifest.entry(id);
        if (entry.isPresent()) {
            List<DocumentVersion> newestFirst = new ArrayList<>(entry.get().versions());
            java.util.Collections.reverse(newestFirst);
            return Optional.of(new DocumentVersions(id, entry.get().current(), entry.get().deleted(), newestFirst));
        }
        return bundledDocument(id).map(document -> new DocumentVersions(id, 1, false, List.of(bundledVersion(1, document))));
    }

    /** The knowledge base's state for admins. */
    public KnowledgeBaseStatus status() {
        IndexSnapshot.KnowledgeBaseVersion version = index.version().orElse(null);
        StorageUse storage = null;
        try {
            storage = store.storageUse();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot measure the stored data: {}", e.toString());
        }
        List<KnowledgeBaseStatus.StalePassage> stale = index.isReady() ? stalePassages() : List.of();
        synchronized (this) {
            int uploaded = (int) manifest.documents().values().stream()
                    .filter(entry -> entry.served().filter(served -> !served.bundled()).isPresent()).count();
            return new KnowledgeBaseStatus(
                    version == null ? 0 : version.number(), version == null ? "" : version.contentHash(), manifest.revision(),
                    version == null ? 0 : version.documents(), version == null ? 0 : version.passages(),
                    uploaded, lastUpdate, lastError, lastErrorAt, skipped(), storage, stale);
        }
    }

    /** Passages whose "Per:" date is older than the configured age, oldest first. */
    private List<KnowledgeBaseStatus.StalePassage> stalePassages() {
        java.time.YearMonth cutOff = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(config.staleAfterMonths());
        List<KnowledgeBaseStatus.StalePassage> stale = new ArrayList<>();
        for (KnowledgeDocument document : servedDocuments()) {
            for (bhr.assistant.kb.Passage passage : document.passages()) {
                if (passage.asOf().length() >= 7 && java.time.YearMonth.parse(passage.asOf().substring(0, 7)).isBefore(cutOff)) {
                    stale.add(new KnowledgeBaseStatus.StalePassage(passage.id(), passage.sectionLabel(), passage.asOf()));
                }
            }
        }
        stale.sort(java.util.Comparator.comparing(KnowledgeBaseStatus.StalePassage::asOf).thenComparing(KnowledgeBaseStatus.StalePassage::passageId));
        return stale;
    }

    /** The documents served now. */
    public List<KnowledgeDocument> servedDocuments() {
        return index.read(snapshot -> snapshot.documents());
    }

    /** Every committed change, oldest first. */
    public List<AuditEntry> history() throws IOException {
        return store.history();
    }

    /** Files skipped by the last load, with reasons. */
    public synchronized List<LoadProblem> lastProblems() {
        return skipped();
    }

    /** Removes stored originals that no version references, once older than {@code grace}; returns bytes freed. */
    public long removeUnreferencedOriginals(Duration grace) {
        try {
            long freed = store.removeUnreferenced(grace);
            if (freed > 0) {
                LOG.info("Housekeeping freed {} bytes of originals no version references", freed);
            }
            return freed;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Housekeeping of stored originals failed: {}", e.toString());
            return 0;
        }
    }

    // ---- the one way changes are applied

    private void apply(Change change) throws IOException {
        Manifest next = manifest.apply(change);
        Assembled assembled = assemble(next);
        IndexSnapshot snapshot;
        try {
            snapshot = index.prepare(assembled.documents());
        } catch (IOException e) {
            throw storageFailed("could not build the index for the change to " + change.documentId(), e);
        }
        Manifest committed;
        try {
            committed = store.commit(manifest.revision(), change);
        } catch (StaleRevisionException e) {
            index.discard(snapshot);
            LOG.info("The change to {} was based on revision {}, but revision {} is committed: catching up", change.documentId(),
                    e.expected(), e.actual());
            catchUpQuietly("another writer committed first");
            throw e;
        } catch (IOException e) {
            index.discard(snapshot);
            throw storageFailed("could not save the change to " + change.documentId(), e);
        } catch (RuntimeException e) {
            index.discard(snapshot);
            fail("could not save the change to " + change.documentId() + ": " + e.getMessage());
            throw e;
        }
        manifest = committed;
        index.publish(snapshot);
        uploadProblems = assembled.problems();
        lastUpdate = Instant.now();
        AuditEntry entry = change.entry();
        LOG.info("{} {} (version {}) by {}: knowledge base v{}, {} documents, {} passages", entry.action(), entry.documentId(),
                entry.version(), entry.actor(), snapshot.version().number(), snapshot.version().documents(), snapshot.version().passages());
    }

    @FunctionalInterface
    private interface Attempt<T, E extends Exception> {
        T run() throws E, IOException;
    }

    /**
     * Makes a change; when another writer committed first and the caller named no revision, makes it again on the
     * latest one (the manifest has been caught up by then), so two replicas changing documents at once both
     * succeed, one after the other. A caller that named a revision gets the conflict (409) instead.
     */
    private <T, E extends Exception> T retryingStale(OptionalLong expected, Attempt<T, E> attempt) throws E, IOException {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (StaleRevisionException e) {
                if (expected.isPresent() || tries >= STALE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void checkRevision(OptionalLong expected) throws StaleRevisionException {
        if (expected.isPresent() && expected.getAsLong() > manifest.revision()) {
            // The admin saw a newer revision on another replica: this one has not caught up yet, not the admin.
            catchUpQuietly("a change based on revision " + expected.getAsLong());
        }
        if (expected.isPresent() && expected.getAsLong() != manifest.revision()) {
            throw new StaleRevisionException(expected.getAsLong(), manifest.revision());
        }
    }

    /** Records why the store refused a write (without internal paths) and hands the failure on. */
    private IOException storageFailed(String what, IOException e) {
        String reason = StorageFailure.describe(e);
        fail(what + ": " + reason + "; the knowledge base is unchanged");
        if (e instanceof StoreUnavailableException) {
            return new StoreUnavailableException(reason, e); // the database is away: the caller answers 503, not 507
        }
        LOG.warn("Storage failure detail", e);
        return new IOException(reason, e);
    }

    private record Assembled(List<KnowledgeDocument> documents, List<LoadProblem> problems) {
    }

    /** Bundled documents, less those an admin changed, plus the version current for each changed one. */
    private Assembled assemble(Manifest state) {
        List<KnowledgeDocument> documents = new ArrayList<>();
        for (KnowledgeDocument document : bundled.documents()) {
            if (!state.documents().containsKey(document.id())) {
                documents.add(document);
            }
        }
        List<LoadProblem> problems = new ArrayList<>();
        for (String id : state.ids()) {
            Optional<DocumentVersion> served = state.documents().get(id).served();
            if (served.isEmpty()) {
                continue;
            }
            if (served.get().bundled()) {
                bundledDocument(id).ifPresent(documents::add);
                continue;
            }
            try {
                documents.add(parsedUpload(id, served.get()));
            } catch (IOException | InvalidDocumentException | RuntimeException e) {
                problems.add(new LoadProblem("uploaded:" + id, e.getMessage()));
                LOG.warn("Stored upload {} (version {}) cannot be served: {}", id, served.get().number(), e.getMessage());
            }
        }
        return new Assembled(documents, List.copyOf(problems));
    }

    private KnowledgeDocument parsedUpload(String id, DocumentVersion version) throws IOException, InvalidDocumentException {
        KnowledgeDocument cached = parsedUploads.get(cacheKey(id, version));
        if (cached != null) {
            return cached;
        }
        DocumentFormat format = DocumentFormat.fromContentType(version.contentType())
                .orElseThrow(() -> new InvalidDocumentException("unknown stored type " + version.contentType()));
        KnowledgeDocument document = read(new Upload(id, store.readOriginal(id, version.hash()), format, version.metadata()), version.at());
        parsedUploads.put(cacheKey(id, version), document);
        return document;
    }

    private KnowledgeDocument read(Upload upload, Instant updated) throws InvalidDocumentException {
        Map<String, String> declared = new HashMap<>(upload.declared());
        declared.put("id", upload.id());
        return reader.read("uploaded:" + upload.id(), upload.content(), upload.format(), declared, true, updated);
    }

    /** The id is part of the key: the same bytes and metadata under two ids are two documents. */
    private static String cacheKey(String id, DocumentVersion version) {
        return id + "|" + version.hash() + "|" + new TreeMap<>(version.metadata());
    }

    /** The metadata a version keeps: what the document was served with, so reading it again gives the same. */
    private static Map<String, String> metadataOf(KnowledgeDocument document) {
        DocumentMetadata m = document.metadata();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", m.id());
        values.put("title", m.title());
        values.put("kind", m.kind());
        values.put("language", m.language());
        values.put("source", m.source());
        values.put("url", m.url());
        values.put("published", m.published());
        values.put("status", m.status());
        values.put("reviewed", m.reviewed());
        values.values().removeIf(String::isEmpty);
        return values;
    }

    private static DocumentVersion bundledVersion(int number, KnowledgeDocument document) {
        return new DocumentVersion(number, document.contentHash(), document.format().contentType(), metadataOf(document), true,
                document.updated(), KB_DIR_ACTOR);
    }

    /** The bundled file as version 1, when an admin changes a bundled document for the first time. */
    private List<DocumentVersion> bundledVersionIfFirstChange(String id) {
        if (manifest.entry(id).isPresent()) {
            return List.of();
        }
        return bundledDocument(id).map(document -> List.of(bundledVersion(1, document))).orElse(List.of());
    }

    private Optional<KnowledgeDocument> bundledDocument(String id) {
        return bundled.documents().stream().filter(document -> document.id().equals(id)).findFirst();
    }

    /** What is served for the id now, as the history writes it: a hash, "bundled:&lt;hash&gt;", or "" if nothing. */
    private String servedHash(String id) {
        Optional<DocumentEntry> entry = manifest.entry(id);
        if (entry.isEmpty()) {
            return bundledDocument(id).map(document -> BUNDLED + document.contentHash()).orElse("");
        }
        Optional<DocumentVersion> served = entry.get().served();
        if (served.isEmpty()) {
            return "";
        }
        if (served.get().bundled()) {
            return bundledDocument(id).map(document -> BUNDLED + document.contentHash()).orElse("");
        }
        return served.get().hash();
    }

    private static AuditEntry entry(String actor, String action, String id, String oldHash, String newHash, int version) {
        return new AuditEntry(Instant.now(), actor, action, id, oldHash, newHash, version, 0);
    }

    /**
     * A file of KB_DIR that could be read before and cannot now (an editor's half-written save, a copy under way)
     * keeps serving its last good version until it reads again; a file that is gone is withdrawn.
     */
    private LoadReport keepLastGoodVersions(LoadReport fresh, LoadReport previous) {
        Map<String, KnowledgeDocument> lastGood = previous.documents().stream()
                .collect(Collectors.toMap(KnowledgeDocument::origin, document -> document, (a, b) -> a));
        List<KnowledgeDocument> documents = new ArrayList<>(fresh.documents());
        List<LoadProblem> problems = new ArrayList<>();
        for (LoadProblem problem : fresh.problems()) {
            KnowledgeDocument good = lastGood.get(problem.file());
            boolean idFree = good != null && documents.stream().noneMatch(document -> document.id().equals(good.id()));
            if (good != null && idFree && Files.isRegularFile(directory.resolve(problem.file()))) {
                documents.add(good);
                problems.add(new LoadProblem(problem.file(), problem.reason() + " (still serving the last version that could be read, from "
                        + good.updated() + ")"));
            } else {
                problems.add(problem);
            }
        }
        return new LoadReport(documents, problems);
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

    // ---- background work: watching KB_DIR, housekeeping

    private void startBackgroundWork() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kb-background");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> removeUnreferencedOriginals(UNREFERENCED_GRACE),
                0, HOUSEKEEPING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        if (config.watchIntervalMillis() <= 0) {
            return;
        }
        if (store.shared()) {
            // Each replica would reload its own copy of KB_DIR at its own moment, and they would serve different
            // bundled files until all had: bundled files change with a (rolling) restart instead, and admins'
            // changes go through the store, which every replica follows.
            LOG.info("KB_DIR hot reload is off: the store is shared by several replicas (DATABASE_URL). Each replica reads "
                    + "{} at start-up; restart the replicas one by one to serve changed bundled files", directory.toAbsolutePath());
            return;
        }
        String[] seen = {bundledFingerprint};
        scheduler.scheduleWithFixedDelay(() -> {
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
    void stopBackgroundWork() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
