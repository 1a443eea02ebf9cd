package bhr.assistant.admin;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real full disk and a real read-only DATA_DIR: a 16 MB tmpfs mounted for the test, later made read-only (needs
 * root, as on the project's machines and CI; skipped elsewhere). A full disk used to answer 500 "internal error" with an empty
 * lastError, and a read-only DATA_DIR 500 on DELETE.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullDiskTest implements TestPropertyProvider {

    private static final String TOKEN = "disk-penuh";
    private Path mountPoint;
    private boolean mounted;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        try {
            mountPoint = Files.createTempDirectory("bhr-tmpfs");
            mounted = run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", mountPoint.toString());
            return Map.of("kb.dir", "src/test/resources/kb-fixture", "data.dir", mountPoint.resolve("data").toString(),
                    "admin.token", TOKEN, "kb.watch-interval-millis", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void unmount() {
        if (mounted) {
            run("umount", "-l", mountPoint.toString()); // lazily: the service still holds its lock file open
        }
        try {
            Files.deleteIfExists(mountPoint);
        } catch (IOException e) {
            // an empty temporary directory left behind
        }
    }

    @Test
    void a_full_disk_and_then_a_read_only_one_get_507_with_the_reason_and_leave_the_knowledge_base_as_it_was() throws Exception {
        Assumptions.assumeTrue(mounted, "mounting a tmpfs needs root");
        Path data = mountPoint.resolve("data");
        upload("sebelum", "Dokumen sebelum disk penuh menyebut zamrudsebelum.");
        String contentHash = (String) status().get("contentHash");

        Path filler = data.resolve("pengisi");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[64 * 1024];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the disk is full
        }
        HttpClientResponseException refused = refusal(put("sesudah", "Dokumen sesudah disk penuh menyebut zamrudsesudah. ".repeat(2000)));

        assertEquals(HttpStatus.INSUFFICIENT_STORAGE, refused.getStatus());
        assertTrue(error(refused).contains("full"), error(refused));
        Map<String, Object> status = status();
        assertTrue(((String) status.get("lastError")).contains("full"), status.toString());
        assertEquals(contentHash, status.get("contentHash"), "the knowledge base is unchanged");

        Files.delete(filler);
        // The service holds its lock file open for writing, which a plain remount refuses; a read-only bind mount
        // of DATA_DIR over itself makes every new write there fail as on a read-only file system.
        assertTrue(run("mount", "--bind", data.toString(), data.toString()), "bind mount");
        assertTrue(run("mount", "-o", "remount,bind,ro", data.toString()), "remount read-only");
        try {
            HttpClientResponseException delete = refusal(HttpRequest.DELETE("/admin/documents/sebelum"));
            assertEquals(HttpStatus.INSUFFICIENT_STORAGE, delete.getStatus());
            assertTrue(error(delete).contains("read-only"), error(delete));
            assertTrue(((String) status().get("lastError")).contains("read-only"));
            assertTrue(client.toBlocking().retrieve("/api/documents/sebelum").contains("zamrudsebelum"), "still served");
            HttpClientResponseException feedback = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () ->
                    client.toBlocking().exchange(HttpRequest.POST("/api/feedback", "{\"question\": \"Apa itu uji tuntas?\", \"helpful\": false}")
                            .contentType(MediaType.APPLICATION_JSON), String.class));
            assertEquals(HttpStatus.SERVICE_UNAVAILABLE, feedback.getStatus());
        } finally {
            run("umount", data.toString());
        }
    }

    private void upload(String id, String text) {
        assertEquals(HttpStatus.OK, client.toBlocking().exchange(put(id, text).bearerAuth(TOKEN), String.class).getStatus());
    }

    private static MutableHttpRequest<byte[]> put(String id, String text) {
        return HttpRequest.PUT("/admin/documents/" + id + "?title=Uji&url=https://x.org/" + id, text.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_PLAIN);
    }

    private HttpClientResponseException refusal(MutableHttpRequest<?> request) {
        return org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request.bearerAuth(TOKEN), String.class));
    }

    private Map<String, Object> status() throws IOException {
        return json.readValue(client.toBlocking().retrieve(HttpRequest.GET("/admin/status").bearerAuth(TOKEN)),
                Argument.mapOf(String.class, Object.class));
    }

    private String error(HttpClientResponseException e) throws IOException {
        return (String) json.readValue(e.getResponse().getBody(String.class).orElseThrow(), Argument.mapOf(String.class, Object.class)).get("error");
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
