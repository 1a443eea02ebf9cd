package bhr.assistant.bench;

import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

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
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The performance benchmark: run with
 * {@code mvn -B -q -DskipTests package && mvn -B test -Dtest=PerformanceBenchmark -Dbenchmark=true}
 * (add -Dbenchmark.record=true to rewrite the README's results table). Skipped in the normal test run: timings
 * belong here, not in tests. Prints index build time, in-process answer latency (JMH) beside bare Lucene,
 * HTTP throughput and latency at 32 connections beside GET /api/documents, time to ready, heap and RSS.
 */
class PerformanceBenchmark {

    private static final Path JAR = Path.of("target/bhr-assistant-0.1.0.jar");
    private static final int CONNECTIONS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    @Test
    void benchmark() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("benchmark"), "run with -Dbenchmark=true");
        StringBuilder table = new StringBuilder();
        table.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append(".\n\n| measure | figure |\n|---|---|\n");

        List<KnowledgeDocument> bundled = new KnowledgeBaseLoader().load(Path.of("knowledge-base")).documents();
        for (int scale : List.of(1, 20)) {
            List<KnowledgeDocument> documents = scale == 1 ? bundled : SyntheticKnowledgeBase.scaled(bundled, scale, 42);
            int passages = documents.stream().mapToInt(d -> d.passages().size()).sum();
            List<Long> millis = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                KnowledgeIndex index = new KnowledgeIndex(new Analyzers());
                long started = System.nanoTime();
                index.replace(documents);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            long median = median(millis);
            row(table, "index build, " + scale + "x knowledge base (" + passages + " passages), median of 5",
                    median + " ms (" + (passages * 1000L / Math.max(1, median)) + " passages/s)");
        }

        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(AnswerLatencyBenchmark.class.getName())
                .forks(0) // in this JVM: the surefire class path is what the benchmark needs
                .warmupIterations(3).warmupTime(TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(TimeValue.seconds(2))
                .threads(1)
                .build()).run();
        for (RunResult result : results) {
            var statistics = result.getPrimaryResult().getStatistics();
            row(table, "in-process " + result.getParams().getBenchmark().replaceAll(".*\\.", "") + ", " + result.getParams().getParam("scale")
                    + "x knowledge base (JMH sample time)", String.format(Locale.ROOT, "p50 %.0f µs, p99 %.0f µs",
                    statistics.getPercentile(50), statistics.getPercentile(99)));
        }

        if (Files.isRegularFile(JAR)) {
            http(table);
        } else {
            row(table, "HTTP figures", "skipped: build the jar first (mvn -DskipTests package)");
        }
        System.out.println("\n" + table);
        if (Boolean.getBoolean("benchmark.record")) {
            Path readme = Path.of("README.md");
            String text = Files.readString(readme);
            String start = "<!-- benchmark:start -->";
            String end = "<!-- benchmark:end -->";
            String command = "`mvn -B -q -DskipTests package && mvn -B test -Dtest=PerformanceBenchmark -Dbenchmark=true -Dbenchmark.record=true`";
            Files.writeString(readme, text.substring(0, text.indexOf(start) + start.length()) + "\nCommand: " + command + "\n\n" + table
                    + text.substring(text.indexOf(end)));
        }
    }

    /** Runs the jar as the README does and loads it over loopback. */
    private static void http(StringBuilder table) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory("bhr-bench");
        // The README's run command: java -Xmx256m -XX:+UseSerialGC -jar target/bhr-assistant-0.1.0.jar
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-XX:+UseSerialGC", "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(data.resolve("service.log").toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("DATA_DIR", data.toString());
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CONNECTIONS)).build();
        String base = "http://127.0.0.1:" + port;
        long started = System.nanoTime();
        Process service = builder.start();
        try {
            long ready = awaitReady(client, base, started);
            row(table, "start to /health UP (java -jar, README settings)", ready + " ms");
            HttpRequest documents = HttpRequest.newBuilder(URI.create(base + "/api/documents")).timeout(Duration.ofSeconds(10)).GET().build();
            List<HttpRequest> asks = AnswerLatencyBenchmark.QUESTIONS.stream().map(question -> HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question + "\"}", StandardCharsets.UTF_8)).build()).toList();
            Load floor = load(client, List.of(documents));
            Load ask = load(client, asks);
            row(table, "HTTP GET /api/documents, " + CONNECTIONS + " connections (the HTTP floor)", floor.describe());
            row(table, "HTTP POST /api/ask, " + CONNECTIONS + " connections", ask.describe());
            row(table, "/api/ask throughput / floor throughput", String.format(Locale.ROOT, "%.2f", ask.perSecond() / floor.perSecond()));
            row(table, "service memory after the load", memory(service.pid()));
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static long awaitReady(HttpClient client, String base, long started) throws Exception {
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

    private record Load(int requests, int errors, double perSecond, long p50Micros, long p99Micros) {
        String describe() {
            return String.format(Locale.ROOT, "%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d requests, %d errors",
                    perSecond, p50Micros / 1000.0, p99Micros / 1000.0, requests, errors);
        }
    }

    /** CONNECTIONS clients each sending one request after another: a warm-up, then a measured window. */
    private static Load load(HttpClient client, List<HttpRequest> requests) throws Exception {
        run(client, requests, WARM_UP, new ArrayList<>(), new AtomicInteger());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        run(client, requests, MEASURE, latencies, errors);
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Load(sorted.size(), errors.get(), sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99));
    }

    private static void run(HttpClient client, List<HttpRequest> requests, Duration duration, List<Long> latencies, AtomicInteger errors)
            throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
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
    }

    private static String memory(long pid) throws Exception {
        String rss = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith("VmRSS"))
                .findFirst().map(line -> line.replaceAll("\\D+", "")).orElse("?");
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String heap = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("total") && line.contains("used")).findFirst().orElse("heap: n/a").strip();
        jcmd.waitFor();
        return "RSS " + (rss.equals("?") ? "?" : Long.parseLong(rss) / 1024 + " MiB") + "; " + heap;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static void row(StringBuilder table, String measure, String figure) {
        table.append("| ").append(measure).append(" | ").append(figure).append(" |\n");
    }
}
