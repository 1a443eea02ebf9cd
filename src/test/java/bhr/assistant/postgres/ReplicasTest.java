package bhr.assistant.postgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replicas (processes) on one PostgreSQL: what one admin changes, every replica serves within 2 s; two
 * replicas changing documents at once both succeed (or, when the change named the revision it was based on, the
 * later gets 409) and the history lists every change once; PostgreSQL stopped and started again under load fails
 * no question, admin changes get 503 meanwhile and work again after, and the replicas catch up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {

    private static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");
    /** Made-up words no stemmer shortens, one per round: each upload is found by its own word only. */
    private static final List<String> ROUND_WORDS = List.of("brok", "trum", "plenk", "drost");

    @TempDir
    static Path directory;

    private TestPostgres postgres;
    private final List<ReplicaProcess> replicas = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        postgres = TestPostgres.startNew(); // its own server: the last test stops and starts it
        String url = postgres.newDatabase();
        for (String name : List.of("a", "b", "c")) {
            replicas.add(ReplicaProcess.start(name, directory, Map.of("DATABASE_URL", url)));
        }
        for (ReplicaProcess replica : replicas) {
            replica.awaitUp(Duration.ofSeconds(90));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (ReplicaProcess replica : replicas) {
            replica.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private ReplicaProcess replica(int i) {
        return replicas.get(i);
    }

    @Test
    @Order(1)
    void an_upload_on_one_replica_is_answerable_on_the_others_within_two_seconds() throws Exception {
        HttpResponse<String> upload = replica(0).upload("kebun-zamrud", "Kebun zamrudsatu membayar upah minimum kepada pekerjanya.", "");
        assertEquals(200, upload.statusCode(), upload.body());
        long uploaded = System.nanoTime();
        for (ReplicaProcess other : List.of(replica(1), replica(2))) {
            long took = awaitAnswer(other, "zamrudsatu", "kebun-zamrud", Duration.ofSeconds(10)) - uploaded;
            assertTrue(took < Duration.ofSeconds(2).toNanos(), "replica " + other.name() + " answered it after " + took / 1_000_000 + " ms");
        }
        long revision = revision(replica(0));
        assertTrue(revision >= 1);
        assertEquals(revision, revision(replica(1)), "/health reports the revision served");
        assertEquals(revision, revision(replica(2)));

        // An admin who saw the latest revision on one replica may name it on another at once, before that one has
        // heard of it: the change is made, not refused.
        HttpResponse<String> onA = replica(0).upload("kebun-giok", "Kebun giokdua menyediakan alat pelindung diri.", "");
        Matcher committed = REVISION.matcher(onA.body());
        assertTrue(committed.find(), onA.body());
        HttpResponse<String> onC = replica(2).upload("kebun-giok", "Kebun giokdua menyediakan alat pelindung diri dan pelatihan.",
                "&revision=" + committed.group(1));
        assertEquals(200, onC.statusCode(), onC.body());
    }

    @Test
    @Order(2)
    void uploads_at_the_same_moment_on_two_replicas_are_both_kept_and_the_history_lists_each_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> results = new ArrayList<>();
                for (int side = 0; side < 2; side++) {
                    ReplicaProcess replica = replica(side);
                    String id = "serentak-" + replica.name() + "-" + round;
                    String word = word(replica.name(), round);
                    results.add(pool.submit(() -> {
                        go.await();
                        return replica.upload(id, "Dokumen " + word + " diunggah bersamaan.", "");
                    }));
                }
                go.countDown();
                for (Future<HttpResponse<String>> result : results) {
                    HttpResponse<String> response = result.get(60, TimeUnit.SECONDS);
                    assertEquals(200, response.statusCode(), response.body());
                }
            }
            // A change that names the revision it was based on: of two on the same revision, the later gets 409.
            long seen = awaitSameRevision(Duration.ofSeconds(5));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> named = new ArrayList<>();
            for (int side = 0; side < 2; side++) {
                ReplicaProcess replica = replica(side);
                named.add(pool.submit(() -> {
                    go.await();
                    return replica.upload("bernomor-" + replica.name(), "Dokumen bernomor" + replica.name() + " berdasarkan revisi.", "&revision=" + seen);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> result : named) {
                statuses.add(result.get(60, TimeUnit.SECONDS).statusCode());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        for (int round = 0; round < 4; round++) {
            for (String side : List.of("a", "b")) {
                awaitAnswer(replica(2), word(side, round), "serentak-" + side + "-" + round, Duration.ofSeconds(5));
            }
        }
        String history = replica(2).get("/admin/history").body();
        List<Long> revisions = new ArrayList<>();
        Matcher matcher = REVISION.matcher(history);
        while (matcher.find()) {
            revisions.add(Long.parseLong(matcher.group(1)));
        }
        revisions.sort(null);
        List<Long> expected = new ArrayList<>();
        for (long r = 1; r <= revisions.size(); r++) {
            expected.add(r);
        }
        assertEquals(expected, revisions, "one history entry per revision, none missing: " + history);
        for (int round = 0; round < 4; round++) {
            for (String side : List.of("a", "b")) {
                assertEquals(1, count(history, "\"documentId\":\"serentak-" + side + "-" + round + "\""), history);
            }
        }
        assertEquals(1, count(history, "\"documentId\":\"bernomor-"), "the refused change is not in the history: " + history);
    }

    @Test
    @Order(3)
    void restarting_postgres_under_load_fails_no_question_admin_writes_get_503_then_resume_and_replicas_catch_up() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            ReplicaProcess target = replica(t);
            load.submit(() -> {
                for (int i = 0; running.get() && i < 100_000; i++) {
                    try {
                        HttpResponse<String> answer = target.ask(i % 2 == 0 ? "Apa itu pelaku usaha?" : "zamrudsatu");
                        if (answer.statusCode() != 200) {
                            failures.add(target.name() + ": " + answer.statusCode() + " " + answer.body());
                        }
                        asked.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(target.name() + ": " + e);
                    }
                }
            });
        }
        try {
            Thread.sleep(1000);
            postgres.stop();
            HttpResponse<String> refused = replica(0).upload("saat-padam", "Dokumen padamkata diunggah saat basis data mati.", "");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("127.0.0.1:" + postgres.port()) && refused.body().contains("cannot be reached"), refused.body());
            String gap = "berapa harga tiket pesawat padamgap";
            assertEquals(200, replica(1).ask(gap).statusCode(), "a question during the outage is answered");
            Thread.sleep(1000);
            postgres.start();

            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            HttpResponse<String> accepted = refused;
            while (accepted.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                accepted = replica(0).upload("saat-padam", "Dokumen padamkata diunggah saat basis data mati.", "");
            }
            assertEquals(200, accepted.statusCode(), "admin writes work again once PostgreSQL is back: " + accepted.body());
            awaitAnswer(replica(1), "padamkata", "saat-padam", Duration.ofSeconds(10));
            awaitAnswer(replica(2), "padamkata", "saat-padam", Duration.ofSeconds(10));
            // The knowledge gap asked while the database was away reaches it once it is back.
            long gapDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String gaps = "";
            while (!gaps.contains("padamgap") && System.nanoTime() < gapDeadline) {
                gaps = replica(2).get("/admin/unanswered").body();
                Thread.sleep(200);
            }
            assertTrue(gaps.contains("padamgap"), gaps);
        } finally {
            running.set(false);
            load.shutdown();
            load.awaitTermination(60, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), failures, "no question failed while PostgreSQL restarted");
        assertTrue(asked.get() > 100, "the load ran: " + asked.get() + " questions");
    }

    private static String word(String side, int round) {
        return "vx" + side + ROUND_WORDS.get(round);
    }

    /** Asks until the replica's answer cites the document; returns when (System.nanoTime). */
    private static long awaitAnswer(ReplicaProcess replica, String question, String documentId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = replica.ask(question).body();
            if (last.contains("\"found\":true") && last.contains("\"documentId\":\"" + documentId + "\"")) {
                return System.nanoTime();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("replica " + replica.name() + " did not answer from " + documentId + " within " + timeout.toSeconds()
                + " s: " + last + "\n" + replica.log());
    }

    /** Waits until every replica serves the same revision; returns it. */
    private long awaitSameRevision(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Long> revisions = new ArrayList<>();
            for (ReplicaProcess replica : replicas) {
                revisions.add(revision(replica));
            }
            if (revisions.stream().distinct().count() == 1) {
                return revisions.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replicas serve different revisions: " + revisions);
            }
            Thread.sleep(20);
        }
    }

    private static long revision(ReplicaProcess replica) throws Exception {
        Matcher matcher = REVISION.matcher(replica.get("/health").body());
        assertTrue(matcher.find());
        return Long.parseLong(matcher.group(1));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
