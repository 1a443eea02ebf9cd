package bhr.assistant.update;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one DATA_DIR used to start, wipe each other's index and drop each other's uploads. Now the
 * second refuses to start, says why (directory and the holder's pid) and exits non-zero; the first is untouched.
 */
class SecondInstanceTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path data;

    @TempDir
    Path logs;

    @Test
    void a_second_instance_on_the_same_data_directory_refuses_to_start_and_names_the_holder() throws Exception {
        int port = ServiceProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        Process first = ServiceProcess.start(port, data, logs.resolve("first.log"));
        Process second = null;
        try {
            ServiceProcess.awaitUp(http, base, logs);
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/documents/uji-kunci?title=Uji%20Kunci&url=https://example.org/k"))
                    .header("Authorization", "Bearer " + ServiceProcess.TOKEN).header("Content-Type", "text/plain")
                    .PUT(HttpRequest.BodyPublishers.ofString("Kebun zamrudkunci membayar upah minimum.")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upload.statusCode(), upload.body());

            second = ServiceProcess.start(ServiceProcess.freePort(), data, logs.resolve("second.log"));
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second instance should give up at once");

            assertNotEquals(0, second.exitValue());
            String output = Files.readString(logs.resolve("second.log"));
            assertTrue(output.contains(data.toAbsolutePath().toString()), output);
            assertTrue(output.contains("pid " + first.pid()), output);
            String answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/ask")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"zamrudkunci\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(answer.contains("\"found\":true") && answer.contains("uji-kunci"), "the first instance still serves its upload: " + answer);
        } finally {
            if (second != null) {
                second.destroyForcibly(); // only if it did start after all
            }
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
