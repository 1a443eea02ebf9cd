package bhr.assistant.bench;

import bhr.assistant.TestFiles;
import bhr.assistant.eval.Corpora;
import bhr.assistant.eval.EvalQuestion;
import bhr.assistant.kb.KnowledgeBaseLoader;
import bhr.assistant.kb.KnowledgeDocument;
import bhr.assistant.kb.Passage;
import bhr.assistant.postgres.Database;
import bhr.assistant.postgres.DatabaseUrl;
import bhr.assistant.postgres.TestPostgres;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * Replicas on PostgreSQL, for the benchmark: how long a replica joining a store that holds uploads takes to be UP
 * beside an empty service (target: within 1.2 times), and /api/ask throughput over three replicas behind nginx beside
 * one replica behind the same nginx. On two cores three replicas cannot be faster than one; the ratio shows that
 * nothing serialises on the database per question, and the database's transaction count during the load shows
 * that answering does not touch it.
 */
final class ReplicaBenchmark {

    private static final String TOKEN = "bench-token";
    private static final int UPLOADS = 20;

    private ReplicaBenchmark() {
    }

    static void run(HttpClient client, int connections, Duration warmUp, Duration measure, BiConsumer<String, String> row) throws Exception {
        if (!onPath("nginx")) {
            row.accept("replicas on PostgreSQL", "skipped: nginx is not installed (apt-get install nginx)");
            return;
        }
        TestPostgres postgres = TestPostgres.startNew();
        String url = postgres.newDatabase();
        new Database(DatabaseUrl.parse(url), 2).close(); // the schema, so the timed start-ups below do not include it
        List<Process> processes = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        try {
            int[] ports = {LoadDriver.freePort(), LoadDriver.freePort(), LoadDriver.freePort()};
            long emptyMillis = start(client, ports[0], url, processes, directories);
            row.accept("start to /health UP, PostgreSQL store, empty (README settings)", emptyMillis + " ms");

            int revision = upload(client, "http://127.0.0.1:" + ports[0]);
            long joinMillis = start(client, ports[1], url, processes, directories);
            row.accept("start to /health UP, a replica joining that store at revision " + revision + " (" + UPLOADS + " uploaded documents)",
                    joinMillis + " ms");
            row.accept("joining replica / empty service start-up (target: at most 1.2)", String.format(Locale.ROOT, "%.2f", joinMillis / (double) emptyMillis));
            start(client, ports[2], url, processes, directories);

            List<String> questions = Corpora.bhrQuestions().stream().map(EvalQuestion::question).toList();
            Nginx three = Nginx.start(List.of(ports[0], ports[1], ports[2]));
            Nginx one = Nginx.start(List.of(ports[0]));
            try {
                // Three JVMs share the warm-up: twice as long, so each has compiled its answer path before measuring.
                LoadDriver.run(client, asks(three.base(), questions), connections, warmUp.multipliedBy(2));
                long before = transactions(url);
                LoadDriver.Load overThree = LoadDriver.run(client, asks(three.base(), questions), connections, measure);
                long during = transactions(url) - before;
                LoadDriver.run(client, asks(one.base(), questions), connections, warmUp);
                LoadDriver.Load overOne = LoadDriver.run(client, asks(one.base(), questions), connections, measure);
                row.accept("HTTP POST /api/ask via nginx, 1 replica, " + connections + " connections, " + questions.size()
                        + " questions in turn, answer cache off", overOne.describe());
                row.accept("HTTP POST /api/ask via nginx, 3 replicas, " + connections + " connections, " + questions.size()
                        + " questions in turn, answer cache off", overThree.describe());
                row.accept("3 replicas / 1 replica throughput (2 cores: shows nothing serialises, not scaling)",
                        String.format(Locale.ROOT, "%.2f", overThree.perSecond() / overOne.perSecond()));
                row.accept("PostgreSQL transactions during the 3-replica load", during + " for " + overThree.requests()
                        + " questions (revision checks, and knowledge gaps written in batches)");
            } finally {
                three.close();
                one.close();
            }
        } finally {
            for (Process process : processes) {
                process.destroy();
                process.waitFor();
            }
            for (Path directory : directories) {
                TestFiles.deleteTree(directory);
            }
            postgres.close();
        }
    }

    private static long start(HttpClient client, int port, String url, List<Process> processes, List<Path> directories) throws Exception {
        Path data = Files.createTempDirectory("bhr-bench-replica");
        directories.add(data);
        long started = System.nanoTime();
        processes.add(LoadDriver.startService(port, data, TOKEN, false, Map.of("DATABASE_URL", url)));
        return LoadDriver.awaitReady(client, "http://127.0.0.1:" + port, started);
    }

    /** Uploads documents made of the bundled knowledge base's text, as an admin would; returns the revision reached. */
    private static int upload(HttpClient client, String base) throws Exception {
        List<KnowledgeDocument> bundled = new KnowledgeBaseLoader().load(Path.of("knowledge-base")).documents();
        for (int i = 0; i < UPLOADS; i++) {
            KnowledgeDocument source = bundled.get(i % bundled.size());
            String text = source.passages().stream().map(Passage::text).collect(Collectors.joining("\n\n"));
            String id = "unggahan-" + i;
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/documents/" + id + "?title="
                            + URLEncoder.encode("Unggahan " + i + " " + source.metadata().title(), StandardCharsets.UTF_8) + "&url=https://example.org/" + id))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "text/plain; charset=utf-8")
                    .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("upload " + id + ": " + response.statusCode() + " " + response.body());
            }
        }
        return UPLOADS;
    }

    private static List<HttpRequest> asks(String base, List<String> questions) {
        return questions.stream().map(question -> HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":" + quote(question) + "}", StandardCharsets.UTF_8)).build()).toList();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Transactions committed in the database so far (pg_stat_database). */
    private static long transactions(String url) throws Exception {
        Thread.sleep(600); // the statistics collector reports with a short delay
        try (Database db = new Database(DatabaseUrl.parse(url), 2); Connection connection = db.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }

    /** nginx in the foreground on a free port of 127.0.0.1, spreading requests over the given replicas. */
    private record Nginx(Process process, Path directory, int port) implements AutoCloseable {

        static Nginx start(List<Integer> upstreams) throws Exception {
            Path directory = Files.createTempDirectory("bhr-bench-nginx");
            int port = LoadDriver.freePort();
            String servers = upstreams.stream().map(p -> "        server 127.0.0.1:" + p + ";").collect(Collectors.joining("\n"));
            String temp = "client_body_temp_path " + directory + "/body; proxy_temp_path " + directory + "/proxy; fastcgi_temp_path "
                    + directory + "/fastcgi; uwsgi_temp_path " + directory + "/uwsgi; scgi_temp_path " + directory + "/scgi;";
            Files.writeString(directory.resolve("nginx.conf"), """
                    worker_processes 1;
                    error_log %1$s/error.log warn;
                    pid %1$s/nginx.pid;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        %2$s
                        upstream bhr {
                    %3$s
                            keepalive 64;
                        }
                        server {
                            listen 127.0.0.1:%4$d;
                            location / {
                                proxy_pass http://bhr;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                            }
                        }
                    }
                    """.formatted(directory, temp, servers, port));
            String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
            Process process = new ProcessBuilder(nginx, "-p", directory.toString(), "-c", directory.resolve("nginx.conf").toString(),
                    "-g", "daemon off;").redirectErrorStream(true).redirectOutput(directory.resolve("out.log").toFile()).start();
            Nginx started = new Nginx(process, directory, port);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                    return started;
                } catch (java.io.IOException notYet) {
                    Thread.sleep(50);
                }
            }
            started.close();
            throw new AssertionError("nginx did not start: " + Files.readString(directory.resolve("out.log")));
        }

        String base() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
            TestFiles.deleteTree(directory);
        }
    }
}
