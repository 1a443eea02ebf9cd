package bhr.assistant.postgres;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.Citation;
import bhr.assistant.chat.AnswerMemory;
import bhr.assistant.chat.Ballot;
import bhr.assistant.chat.DeliveryLog;
import bhr.assistant.chat.ExclusiveDuty;
import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.chat.RememberedAnswer;
import bhr.assistant.chat.VoteBook;
import bhr.assistant.chat.VoteOutcome;
import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.kb.DocumentReader;
import bhr.assistant.kb.Source;
import bhr.assistant.store.AuditEntry;
import bhr.assistant.store.Change;
import bhr.assistant.store.DataConfig;
import bhr.assistant.store.DocumentStore;
import bhr.assistant.store.DocumentVersion;
import bhr.assistant.store.FileDocumentStore;
import bhr.assistant.store.JsonLinesFile;
import bhr.assistant.store.Manifest;
import bhr.assistant.store.StaleRevisionException;
import bhr.assistant.store.UserIdHasher;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PostgreSQL store and chat state against a real server, seen from two replicas (two application contexts on
 * one database, each with a DATA_DIR of its own): what one writes the other reads, compare-and-set holds between
 * them, and per-user limits, deliveries, votes and duties are shared.
 */
class PostgresStoresTest {

    @TempDir
    Path temp;

    private String url;
    private ApplicationContext a;
    private ApplicationContext b;

    @BeforeEach
    void twoReplicas() throws IOException {
        url = TestPostgres.shared().newDatabase();
        a = replica("a");
        b = replica("b");
    }

    private ApplicationContext replica(String name) throws IOException {
        Path kb = Files.createDirectories(temp.resolve("kb-" + name));
        return ApplicationContext.run(Map.of("database.url", url, "data.dir", temp.resolve("data-" + name).toString(),
                "kb.dir", kb.toString(), "kb.watch-interval-millis", 0, "micronaut.server.port", -1));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void the_database_store_replaces_the_file_store_and_every_chat_default() {
        assertInstanceOf(PostgresDocumentStore.class, a.getBean(DocumentStore.class));
        assertInstanceOf(PostgresFeedbackStore.class, a.getBean(FeedbackStore.class));
        assertInstanceOf(PostgresDeliveryLog.class, a.getBean(DeliveryLog.class));
        assertInstanceOf(PostgresQuestionQuota.class, a.getBean(QuestionQuota.class));
        assertInstanceOf(PostgresAnswerMemory.class, a.getBean(AnswerMemory.class));
        assertInstanceOf(PostgresVoteBook.class, a.getBean(VoteBook.class));
        assertInstanceOf(PostgresExclusiveDuty.class, a.getBean(ExclusiveDuty.class));
        assertTrue(a.getBean(DocumentStore.class).shared());
    }

    @Test
    void two_replicas_committing_on_the_same_revision_one_wins_the_other_is_refused_and_history_has_each_commit_once() throws Exception {
        DocumentStore storeA = a.getBean(DocumentStore.class);
        DocumentStore storeB = b.getBean(DocumentStore.class);
        // Many rounds of two commits at the same moment, both based on the revision they read.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int refused = 0;
        try {
            for (int round = 0; round < 10; round++) {
                long seen = storeA.revision();
                CountDownLatch go = new CountDownLatch(1);
                int r = round;
                Future<Manifest> fromA = pool.submit(() -> {
                    go.await();
                    return storeA.commit(seen, upload("a-" + r, "isi a " + r, 1));
                });
                Future<Manifest> fromB = pool.submit(() -> {
                    go.await();
                    return storeB.commit(seen, upload("b-" + r, "isi b " + r, 1));
                });
                go.countDown();
                int committed = 0;
                for (Future<Manifest> result : List.of(fromA, fromB)) {
                    try {
                        result.get();
                        committed++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertInstanceOf(StaleRevisionException.class, e.getCause());
                        refused++;
                    }
                }
                assertEquals(1, committed, "exactly one of two commits on revision " + seen + " goes through");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, refused);
        Manifest manifest = storeB.manifest();
        assertEquals(10, manifest.revision());
        List<AuditEntry> history = storeA.history();
        assertEquals(10, history.size());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), history.stream().map(AuditEntry::revision).toList());
        assertEquals(manifest.ids(), history.stream().map(AuditEntry::documentId).sorted().toList(), "every committed change in history, once");
    }

    @Test
    void a_change_out_of_sequence_is_refused_and_changes_nothing() throws Exception {
        DocumentStore store = a.getBean(DocumentStore.class);
        store.commit(0, upload("urut", "isi", 1));
        assertThrows(IllegalArgumentException.class, () -> store.commit(1, upload("urut", "isi lain", 3)));
        assertEquals(1, store.revision());
        assertEquals(1, store.history().size());
        assertEquals(1, store.manifest().entry("urut").orElseThrow().versions().size());
    }

    @Test
    void originals_are_shared_checked_against_their_hash_and_removed_only_when_unreferenced_past_the_grace() throws Exception {
        DocumentStore storeA = a.getBean(DocumentStore.class);
        DocumentStore storeB = b.getBean(DocumentStore.class);
        byte[] kept = "isi yang disimpan".getBytes(StandardCharsets.UTF_8);
        Change change = upload("simpan", "isi yang disimpan", 1);
        storeA.putOriginal("simpan", change.added().get(0).hash(), kept);
        storeA.commit(0, change);
        byte[] orphan = "isi yang gagal".getBytes(StandardCharsets.UTF_8);
        storeA.putOriginal("gagal", DocumentReader.sha256(orphan), orphan);

        assertEquals("isi yang disimpan", new String(storeB.readOriginal("simpan", change.added().get(0).hash()), StandardCharsets.UTF_8));
        assertEquals(0, storeB.removeUnreferenced(Duration.ofHours(1)), "a fresh original may belong to a commit under way");
        assertEquals(orphan.length, storeB.removeUnreferenced(Duration.ZERO));
        assertThrows(IOException.class, () -> storeA.readOriginal("gagal", DocumentReader.sha256(orphan)));
        assertEquals(kept.length, storeA.storageUse().originalsBytes());
    }

    @Test
    void chat_state_is_shared_deliveries_limits_answers_and_votes() {
        assertTrue(a.getBean(DeliveryLog.class).firstDelivery("telegram:1:500"));
        assertFalse(b.getBean(DeliveryLog.class).firstDelivery("telegram:1:500"), "a retried update on another replica is a repeat");
        assertTrue(b.getBean(DeliveryLog.class).firstDelivery("whatsapp:wamid.1"));

        QuestionQuota quotaA = a.getBean(QuestionQuota.class);
        QuestionQuota quotaB = b.getBean(QuestionQuota.class);
        assertTrue(quotaA.tryAcquire("telegram:42", 3));
        assertTrue(quotaB.tryAcquire("telegram:42", 3));
        assertTrue(quotaA.tryAcquire("telegram:42", 3));
        assertFalse(quotaB.tryAcquire("telegram:42", 3), "the fourth question in a minute is refused wherever it lands");
        assertTrue(quotaB.tryAcquire("telegram:43", 3), "another user has a limit of their own");

        Answer answer = new Answer("Apa itu PRISMA?", "PRISMA adalah aplikasi penilaian risiko [1].", true,
                List.of(new Citation(1, "prisma", "prisma#1", "PRISMA", "Pengantar", "https://example.org/prisma", "PRISMA adalah ...",
                        2.5, "berlaku", List.of(new Source("Kemenkumham", "Kementerian", "2023", "https://example.org/s")), "2024-01")),
                "id", "answer");
        String key = a.getBean(AnswerMemory.class).remember(new RememberedAnswer(answer, Map.of("prisma", "ab12")));
        assertTrue(key.matches("[0-9a-z]{1,16}"), key);
        Optional<RememberedAnswer> recalled = b.getBean(AnswerMemory.class).recall(key);
        assertEquals(Optional.of(new RememberedAnswer(answer, Map.of("prisma", "ab12"))), recalled, "a button works on another replica");
        assertEquals(Optional.empty(), b.getBean(AnswerMemory.class).recall("tidakada"));

        VoteOutcome first = a.getBean(VoteBook.class).cast(new Ballot(key, "user1", true, "Apa itu PRISMA?", "telegram", List.of("prisma#1")));
        VoteOutcome other = b.getBean(VoteBook.class).cast(new Ballot(key, "user2", true, "Apa itu PRISMA?", "telegram", List.of("prisma#1")));
        VoteOutcome changed = b.getBean(VoteBook.class).cast(new Ballot(key, "user1", false, "Apa itu PRISMA?", "telegram", List.of("prisma#1")));
        VoteOutcome again = a.getBean(VoteBook.class).cast(new Ballot(key, "user1", false, "Apa itu PRISMA?", "telegram", List.of("prisma#1")));
        assertTrue(first.first() && first.kept());
        assertEquals(2, other.helpfulVotes());
        assertEquals(Boolean.TRUE, changed.previous());
        assertEquals(1, changed.helpfulVotes());
        assertEquals(1, changed.notHelpfulVotes());
        assertFalse(again.changed());
        List<FeedbackRecord> votes = a.getBean(FeedbackStore.class).all();
        assertEquals(2, votes.size(), "one record per user and answer: " + votes);
        assertEquals(FeedbackRecord.Kind.NOT_HELPFUL, votes.get(votes.size() - 1).kind(), "the changed vote is the latest record");
    }

    @Test
    void feedback_and_knowledge_gaps_reach_every_replica_and_user_hashes_match() throws Exception {
        assertTrue(a.getBean(FeedbackStore.class).record(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.HELPFUL, "apa itu ham",
                "web", "", List.of("ham#1"))));
        b.getBean(FeedbackStore.class).recordLater(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.UNANSWERED, "harga cabai",
                "api", "", List.of()));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<FeedbackRecord> all = List.of();
        while (System.nanoTime() < deadline && all.size() < 2) {
            all = a.getBean(FeedbackStore.class).all();
            Thread.sleep(50);
        }
        assertEquals(List.of("apa itu ham", "harga cabai"), all.stream().map(FeedbackRecord::question).toList());
        assertEquals(a.getBean(UserIdHasher.class).hash("12345"), b.getBean(UserIdHasher.class).hash("12345"));
        assertNotEquals(a.getBean(UserIdHasher.class).hash("12345"), a.getBean(UserIdHasher.class).hash("12346"));
    }

    @Test
    void a_duty_is_held_by_one_replica_and_passes_on_when_it_lets_go() {
        ExclusiveDuty dutyA = a.getBean(ExclusiveDuty.class);
        ExclusiveDuty dutyB = b.getBean(ExclusiveDuty.class);
        assertTrue(dutyA.holds("telegram-polling"));
        assertFalse(dutyB.holds("telegram-polling"));
        assertTrue(dutyA.holds("telegram-polling"), "the holder keeps it");
        assertTrue(dutyB.holds("another-duty"), "duties are separate");
        dutyA.release("telegram-polling");
        assertTrue(dutyB.holds("telegram-polling"));
        assertFalse(dutyA.holds("telegram-polling"));
    }

    @Test
    void a_file_data_directory_is_copied_whole_into_an_empty_database_by_one_command() throws Exception {
        JsonMapper json = a.getBean(JsonMapper.class);
        Path data = Files.createDirectories(temp.resolve("file-store"));
        FileDocumentStore files = new FileDocumentStore(new DataConfig(data.toString()), json);
        Change first = upload("modul", "Modul satu tentang uji tuntas.", 1);
        files.putOriginal("modul", first.added().get(0).hash(), "Modul satu tentang uji tuntas.".getBytes(StandardCharsets.UTF_8));
        files.commit(0, first);
        Change second = upload("modul", "Modul dua tentang uji tuntas.", 2);
        files.putOriginal("modul", second.added().get(0).hash(), "Modul dua tentang uji tuntas.".getBytes(StandardCharsets.UTF_8));
        files.commit(1, second);
        JsonLinesFile<FeedbackRecord> feedback = new JsonLinesFile<>(data.resolve("feedback.jsonl"), FeedbackRecord.class, json, false);
        feedback.append(new FeedbackRecord(Instant.parse("2026-01-01T00:00:00Z"), FeedbackRecord.Kind.UNANSWERED, "harga cabai", "api", "", List.of()));
        feedback.append(new FeedbackRecord(Instant.parse("2026-01-02T00:00:00Z"), FeedbackRecord.Kind.HELPFUL, "apa itu", "telegram", "u1", List.of("p"), "k1"));
        feedback.append(new FeedbackRecord(Instant.parse("2026-01-03T00:00:00Z"), FeedbackRecord.Kind.NOT_HELPFUL, "apa itu", "telegram", "u1", List.of("p"), "k1"));
        String salt = UserIdHasher.saltOf(data);
        String target = TestPostgres.shared().newDatabase();

        DataDirectoryMigration.Copied copied = DataDirectoryMigration.copy(data, DatabaseUrl.parse(target), json);

        assertEquals(new DataDirectoryMigration.Copied(2, 1, 2, 2, 2, 3), copied);
        try (Database db = new Database(DatabaseUrl.parse(target), 2)) {
            PostgresDocumentStore store = new PostgresDocumentStore(db, json);
            assertEquals(files.manifest(), store.manifest());
            assertEquals(files.history(), store.history());
            assertEquals("Modul dua tentang uji tuntas.", new String(store.readOriginal("modul", second.added().get(0).hash()), StandardCharsets.UTF_8));
            assertEquals(List.of(FeedbackRecord.Kind.UNANSWERED, FeedbackRecord.Kind.NOT_HELPFUL),
                    new PostgresFeedbackStore(db).all().stream().map(FeedbackRecord::kind).toList());
            assertEquals(salt, SharedUserIdHasher.salt(db, "another"), "user hashes stay comparable");
        }
        IOException again = assertThrows(IOException.class, () -> DataDirectoryMigration.copy(data, DatabaseUrl.parse(target), json));
        assertTrue(again.getMessage().contains("already holds"), again.getMessage());
    }

    static Change upload(String id, String text, int number) {
        String hash = DocumentReader.sha256(text.getBytes(StandardCharsets.UTF_8));
        DocumentVersion version = new DocumentVersion(number, hash, "text/plain", Map.of("title", "Judul " + id, "url", "https://example.org/" + id),
                false, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(number), "admin-api");
        return new Change(id, List.of(version), number, false,
                new AuditEntry(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(number), "admin-api", "upload", id, "", hash, number, 0));
    }
}
