package bhr.assistant.bench;

import bhr.assistant.TestFiles;
import bhr.assistant.eval.Corpora;
import bhr.assistant.eval.EvalQuestion;
import bhr.assistant.index.Analyzers;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The performance benchmark: run with
 * {@code mvn -B -q -DskipTests package && mvn -B test -Dtest=PerformanceBenchmark -Dbenchmark=true}
 * (add -Dbenchmark.record=true to rewrite the README's results table). Skipped in the normal test run: timings
 * belong here, not in tests. Prints index build time, in-process answer latency (JMH) beside bare Lucene,
 * HTTP throughput and latency at 32 connections beside GET /api/documents, time to ready, heap and RSS, answer
 * latency in Telegram and WhatsApp over fake APIs on loopback ({@link ChatLatency}), and, on PostgreSQL, a joining
 * replica's time to ready beside an empty service's and throughput over three replicas behind nginx beside one
 * ({@link ReplicaBenchmark}).
 */
class PerformanceBenchmark {

    private static final int CONNECTIONS = 32;
    /**
     * Long enough for the JIT on 2 busy cores: in-process, answers in the first 10 s took 640 µs, later ones 400 µs,
     * and a 5 s warm-up had measured the service half compiled.
     */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration MEASURE = Duration.ofSeconds(15);

    @Test
    void benchmark() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("benchmark"), "run with -Dbenchmark=true");
        StringBuilder table = new StringBuilder();
        table.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.arch")).append(".\n\n| measure | figure |\n|---|---|\n");
        if ("chat".equals(System.getProperty("benchmark.only"))) { // -Dbenchmark.only=chat: the chat channels' rows alone
            ChatLatency.measure(table, (measure, figure) -> row(table, measure, figure));
            System.out.println("\n" + table);
            return;
        }
        if ("replicas".equals(System.getProperty("benchmark.only"))) { // -Dbenchmark.only=replicas: the replica rows alone
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CONNECTIONS)).build();
            ReplicaBenchmark.run(client, CONNECTIONS, WARM_UP, MEASURE, (measure, figure) -> row(table, measure, figure));
            System.out.println("\n" + table);
            return;
        }

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

        if (Files.isRegularFile(LoadDriver.JAR)) {
            http(table);
            ChatLatency.measure(table, (measure, figure) -> row(table, measure, figure));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CONNECTIONS)).build();
            ReplicaBenchmark.run(client, CONNECTIONS, WARM_UP, MEASURE, (measure, figure) -> row(table, measure, figure));
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

    /**
     * Runs the jar as the README does and loads it over loopback: first as shipped (a burst repeats the same few
     * questions, which the answer cache serves), then with the cache off over the 233 evaluation questions (every
     * question searched, highlighted and composed).
     */
    private static void http(StringBuilder table) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(CONNECTIONS)).build();
        for (boolean answerCache : List.of(true, false)) {
            int port = LoadDriver.freePort();
            Path data = Files.createTempDirectory("bhr-bench");
            String base = "http://127.0.0.1:" + port;
            String setting = answerCache ? "answer cache on (default)" : "answer cache off (ANSWER_CACHE_SIZE=0)";
            long started = System.nanoTime();
            Process service = LoadDriver.startService(port, data, "", answerCache);
            try {
                long ready = LoadDriver.awaitReady(client, base, started);
                row(table, "start to /health UP (java -jar, README settings), " + setting, ready + " ms");
                HttpRequest documents = HttpRequest.newBuilder(URI.create(base + "/api/documents")).timeout(Duration.ofSeconds(10)).GET().build();
                // As shipped, a burst repeats a few questions; with the cache off, every one of the 233 evaluation
                // questions (formal, slang, typos, English, unanswerable) is worked out, over and over.
                List<String> questions = answerCache ? AnswerLatencyBenchmark.QUESTIONS
                        : Corpora.bhrQuestions().stream().map(EvalQuestion::question).toList();
                List<HttpRequest> asks = questions.stream().map(question -> HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("question", question)), StandardCharsets.UTF_8)).build()).toList();
                LoadDriver.run(client, List.of(documents), CONNECTIONS, WARM_UP);
                LoadDriver.Load floor = LoadDriver.run(client, List.of(documents), CONNECTIONS, MEASURE);
                LoadDriver.run(client, asks, CONNECTIONS, WARM_UP);
                LoadDriver.Load ask = LoadDriver.run(client, asks, CONNECTIONS, MEASURE);
                row(table, "HTTP GET /api/documents, " + CONNECTIONS + " connections (the HTTP floor), " + setting, floor.describe());
                row(table, "HTTP POST /api/ask, " + CONNECTIONS + " connections, " + questions.size()
                        + " questions in turn, " + setting, ask.describe());
                row(table, "/api/ask throughput / floor throughput, " + setting, String.format(Locale.ROOT, "%.2f", ask.perSecond() / floor.perSecond()));
                row(table, "service memory after the load, " + setting, LoadDriver.memory(service.pid()));
            } finally {
                service.destroy();
                service.waitFor();
                TestFiles.deleteTree(data);
            }
        }
    }

    private static String json(Map<String, String> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void row(StringBuilder table, String measure, String figure) {
        table.append("| ").append(measure).append(" | ").append(figure).append(" |\n");
    }
}
