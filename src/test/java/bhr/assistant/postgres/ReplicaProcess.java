package bhr.assistant.postgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One replica of the service in a process of its own (the test class path, as the README runs it), on a free
 * port, with a DATA_DIR of its own and the shared DATABASE_URL; its output goes to a log file the assertions quote.
 */
public final class ReplicaProcess implements AutoCloseable {

    public static final String ADMIN_TOKEN = "replica-test-token";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ReplicaProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * @param env settings beyond the defaults here (DATABASE_URL, TELEGRAM_*, ...); a null value removes one
     */
    public static ReplicaProcess start(String name, Path directory, Map<String, String> env) throws IOException {
        int port = TestPostgres.freePort();
        Path log = directory.resolve(name + ".log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, "bhr.assistant.Application")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("TELEGRAM_BOT_TOKEN");
        environment.remove("DATABASE_URL");
        environment.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        environment.put("DATA_DIR", Files.createDirectories(directory.resolve("data-" + name)).toString());
        environment.put("KB_DIR", "src/test/resources/kb-fixture");
        environment.put("ADMIN_TOKEN", ADMIN_TOKEN);
        environment.put("API_RATE_LIMIT", "0");
        Map<String, String> extra = new HashMap<>(env);
        extra.forEach((key, value) -> {
            if (value == null) {
                environment.remove(key);
            } else {
                environment.put(key, value);
            }
        });
        return new ReplicaProcess(name, builder.start(), port, log);
    }

    public String name() {
        return name;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Waits for /health to answer 200. */
    public ReplicaProcess awaitUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("replica " + name + " exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/health").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("replica " + name + " was not UP within " + timeout.toSeconds() + " s:\n" + log());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> ask(String question) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/ask")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** PUT /admin/documents/{id} with a plain-text body; {@code query} adds parameters (e.g. "&revision=3"). */
    public HttpResponse<String> upload(String id, String text, String query) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/admin/documents/" + id + "?title=Uji%20" + id
                        + "&url=https://example.org/" + id + query)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Ends the process at once (SIGKILL): no shutdown hook runs, as when a machine or a container dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
