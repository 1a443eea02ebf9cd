package bhr.assistant.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the service jar as the README does and drives loopback load at it; shared by the benchmark and the soak. */
final class LoadDriver {

    static final Path JAR = Path.of("target/bhr-assistant-0.1.0.jar");

    record Load(int requests, int errors, double perSecond, long p50Micros, long p99Micros) {
        String describe() {
            return String.format(Locale.ROOT, "%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d requests, %d errors",
                    perSecond, p50Micros / 1000.0, p99Micros / 1000.0, requests, errors);
        }
    }

    private LoadDriver() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The README's run command (java -Xmx256m -XX:+UseSerialGC -jar target/bhr-assistant-0.1.0.jar), rate limit
     * off, with the answer cache on or off (off: every question is searched, as if none were ever repeated).
     */
    static Process startService(int port, Path data, String adminToken, boolean answerCache) throws IOException {
        return startService(port, data, adminToken, answerCache, java.util.Map.of());
    }

    /** @param settings further environment variables (chat channels pointed at fake APIs) */
    static Process startService(int port, Path data, String adminToken, boolean answerCache, java.util.Map<String, String> settings) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("DATA_DIR", data.toString());
        builder.environment().put("ADMIN_TOKEN", adminToken);
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        List.of("WHATSAPP_ACCESS_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN").forEach(builder.environment()::remove);
        // All load comes from one loopback client, which the per-client limit would throttle after 120 requests.
        builder.environment().put("API_RATE_LIMIT", "0");
        if (!answerCache) {
            builder.environment().put("ANSWER_CACHE_SIZE", "0");
        }
        builder.environment().putAll(settings);
        return builder.start();
    }

    static long awaitReady(HttpClient client, String base, long started) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
            } catch (IOException notYet) {
                // the server is not listening yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the service did not become ready within 60 s");
    }

    /** {@code connections} clients each sending one request after another for the duration, round-robin over requests. */
    static Load run(HttpClient client, List<HttpRequest> requests, int connections, Duration duration) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int offset = c;
            futures.add(workers.submit(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.get(i++ % requests.size());
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        latencies.add((System.nanoTime() - sent) / 1000);
                        if (status != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        workers.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Load(sorted.size(), errors.get(), sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    /** RSS from /proc and the heap in use after a full GC (jcmd), so repeated readings are comparable. */
    static String memory(long pid) throws Exception {
        String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS"))
                .findFirst().map(line -> line.replaceAll("\\D+", "")).orElse("0");
        new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        long usedKb = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("used")).map(line -> line.replaceAll(".*used (\\d+)K.*", "$1"))
                .filter(value -> value.matches("\\d+")).mapToLong(Long::parseLong).sum();
        jcmd.waitFor();
        return String.format(Locale.ROOT, "RSS %d MiB, heap used after GC %d MiB", Long.parseLong(rss) / 1024, usedKb / 1024);
    }

    /** Removes a run's data directory (its access log alone grows to tens of MB under load). */
    static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
