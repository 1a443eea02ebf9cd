package bhr.assistant.bench;

import bhr.assistant.TestFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The soak: {@code mvn -B -q -DskipTests package && mvn -B test -Dtest=SoakTest -Dsoak=true} (-Dsoak.minutes=N,
 * default 5). The jar runs as the README says; 32 loopback connections ask and search while an admin reindexes
 * every 30 s. Each minute prints requests, errors (must stay 0), p99, and RSS and heap after a full GC (must
 * stay flat).
 */
class SoakTest {

    private static final int CONNECTIONS = 32;
    private static final String TOKEN = "soak-token";

    @Test
    void soak() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("soak"), "run with -Dsoak=true");
        int minutes = Integer.getInteger("soak.minutes", 5);
        int port = LoadDriver.freePort();
        Path data = Files.createTempDirectory("bhr-soak");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CONNECTIONS)).build();
        String base = "http://127.0.0.1:" + port;
        Process service = LoadDriver.startService(port, data, TOKEN, false); // every question searched: the harder case
        int totalErrors = 0;
        try {
            LoadDriver.awaitReady(client, base, System.nanoTime());
            List<HttpRequest> requests = new ArrayList<>();
            for (String question : AnswerLatencyBenchmark.QUESTIONS) {
                requests.add(HttpRequest.newBuilder(URI.create(base + "/api/ask")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question + "\"}", StandardCharsets.UTF_8)).build());
                requests.add(HttpRequest.newBuilder(URI.create(base + "/api/search?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(10)).build());
            }
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger reindexErrors = new AtomicInteger();
            Thread admin = new Thread(() -> {
                while (running.get()) {
                    try {
                        Thread.sleep(30_000);
                        int status = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/reindex")).header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            reindexErrors.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        reindexErrors.incrementAndGet();
                    }
                }
            });
            admin.start();
            System.out.println("| minute | load | memory |\n|---|---|---|");
            for (int minute = 1; minute <= minutes; minute++) {
                LoadDriver.Load load = LoadDriver.run(client, requests, CONNECTIONS, Duration.ofMinutes(1));
                totalErrors += load.errors();
                System.out.println("| " + minute + " | " + load.describe() + " | " + LoadDriver.memory(service.pid()) + " |");
            }
            running.set(false);
            admin.interrupt();
            admin.join(5_000);
            System.out.println("reindex errors: " + reindexErrors.get());
            totalErrors += reindexErrors.get();
            // Every reindex writes a new index version; retired ones must be deleted and unmapped, not pile up.
            Thread.sleep(1_000);
            long versions;
            try (var children = Files.list(data.resolve("index"))) {
                versions = children.count();
            }
            long mappedIndexFiles = Files.readAllLines(Path.of("/proc/" + service.pid() + "/maps")).stream()
                    .filter(line -> line.contains(data.resolve("index").toString())).count();
            System.out.println("index versions on disk after the soak: " + versions + ", mapped index file regions: " + mappedIndexFiles);
            assertEquals(1, versions, "retired index versions are deleted");
        } finally {
            service.destroy();
            service.waitFor();
        }
        assertEquals(0, totalErrors, "errors during the soak (service log: " + data.resolve("service.log") + ")");
        TestFiles.deleteTree(data); // kept above when the soak fails, for its log
    }
}
