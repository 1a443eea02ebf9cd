package bhr.assistant.update;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** The real service in a process of its own (the test class path, README settings), for kill and lock tests. */
final class ServiceProcess {

    static final String TOKEN = "process-test-token";

    private ServiceProcess() {
    }

    /** Starts the service on the port over the data directory; its output goes to {@code log}. */
    static Process start(int port, Path data, Path log) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, "bhr.assistant.Application")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("DATA_DIR", data.toString());
        builder.environment().put("ADMIN_TOKEN", TOKEN);
        builder.environment().put("KB_WATCH_INTERVAL_MILLIS", "0");
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        return builder.start();
    }

    static void awaitUp(HttpClient http, String base, Path logs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the service did not start within 60 s; logs in " + logs);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
