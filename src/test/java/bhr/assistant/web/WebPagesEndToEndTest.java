package bhr.assistant.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web pages as a person uses them: headless Chromium driven by Playwright (src/test/e2e/e2e.mjs) against
 * this service. Needs node, Debian's chromium and `npm ci` in src/test/e2e, which .ci/run installs; elsewhere
 * the test is skipped, unless E2E_REQUIRED=true (CI) makes a missing tool a failure.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesEndToEndTest implements TestPropertyProvider {

    private static final Path E2E = Path.of("src/test/e2e");
    private static final String TOKEN = "e2e-admin-token";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("admin.token", TOKEN, "data.dir", Files.createTempDirectory("bhr-e2e").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void chat_and_admin_pages_work_in_a_real_browser() throws Exception {
        String chromium = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
        boolean ready = Files.isExecutable(Path.of(chromium)) && Files.isDirectory(E2E.resolve("node_modules/playwright-core")) && onPath("node");
        if (!ready) {
            assertTrue(!"true".equals(System.getenv("E2E_REQUIRED")), "E2E_REQUIRED but node, chromium or playwright-core is missing");
            Assumptions.abort("node, " + chromium + " or src/test/e2e/node_modules missing: run `npm ci` in src/test/e2e");
        }
        ProcessBuilder builder = new ProcessBuilder("node", "e2e.mjs").directory(E2E.toFile()).redirectErrorStream(true);
        builder.environment().put("BASE_URL", "http://127.0.0.1:" + server.getPort());
        builder.environment().put("ADMIN_TOKEN", TOKEN);
        builder.environment().put("CHROMIUM_PATH", chromium);
        Process e2e = builder.start();
        boolean finished = e2e.waitFor(5, TimeUnit.MINUTES);
        String output = new String(e2e.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            e2e.destroyForcibly();
        }
        assertTrue(finished, "e2e run did not finish within 5 minutes");
        assertEquals(0, e2e.exitValue(), output);
        assertTrue(output.contains(" passed, 0 failed"), output);
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
