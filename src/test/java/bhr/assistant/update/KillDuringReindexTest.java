package bhr.assistant.update;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real service in its own process, killed with SIGKILL while admins keep reindexing, then started again over
 * the same DATA_DIR: it comes back with the last committed knowledge base, uploads included.
 */
class KillDuringReindexTest {

    private static final String TOKEN = ServiceProcess.TOKEN;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    @Test
    void a_kill_during_reindexing_restarts_into_the_last_good_state() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process first = start(port);
        try {
            awaitUp(base);
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/documents/uji-bunuh?title=Uji%20Bunuh&url=https://example.org/b"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain")
                    .PUT(HttpRequest.BodyPublishers.ofString("Kebun zamrudbunuh membayar upah minimum.")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upload.statusCode(), upload.body());
            String before = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();

            AtomicBoolean reindexing = new AtomicBoolean(true);
            AtomicInteger reindexes = new AtomicInteger();
            Thread admin = new Thread(() -> {
                while (reindexing.get()) {
                    try {
                        http.send(HttpRequest.newBuilder(URI.create(base + "/admin/reindex")).header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                        reindexes.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        return; // the service is gone
                    }
                }
            });
            admin.start();
            while (reindexes.get() < 3) {
                Thread.sleep(20);
            }
            first.destroyForcibly().waitFor(); // SIGKILL, most likely in the middle of a rebuild
            reindexing.set(false);
            admin.join(10_000);

            Process second = start(port);
            try {
                awaitUp(base);
                String after = http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertEquals(field(before, "contentHash"), field(after, "contentHash"), "the same knowledge base, uploads included");
                String answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"zamrudbunuh\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(answer.contains("\"found\":true") && answer.contains("uji-bunuh"), answer);
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            first.destroyForcibly();
        }
    }

    private Process start(int port) throws IOException {
        return ServiceProcess.start(port, data, data.resolve("service-" + System.nanoTime() + ".log"));
    }

    private void awaitUp(String base) throws InterruptedException {
        ServiceProcess.awaitUp(http, base, data);
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"");
        return at < 0 ? "" : json.substring(at + name.length() + 4, json.indexOf('"', at + name.length() + 4));
    }

    private static int freePort() throws IOException {
        return ServiceProcess.freePort();
    }
}
