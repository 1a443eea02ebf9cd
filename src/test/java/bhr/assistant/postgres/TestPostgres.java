package bhr.assistant.postgres;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: Debian's server binaries (/usr/lib/postgresql/N/bin), a cluster made with
 * initdb in a temporary directory and started with pg_ctl on a free port of 127.0.0.1, with password
 * authentication (so a wrong password is refused, as in production). Run as the {@code postgres} user when the
 * tests run as root (initdb refuses root). Without the binaries the tests that need it are skipped, unless
 * POSTGRES_REQUIRED=true (CI), where that is a failure.
 */
public final class TestPostgres implements AutoCloseable {

    static final String SUPERUSER = "postgres";
    static final String PASSWORD = "pg-test-Secret-42";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres shared;

    private final Path bin;
    private final Path directory;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private TestPostgres(Path bin) throws IOException, InterruptedException {
        this.bin = bin;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
        this.directory = Files.createTempDirectory("bhr-pg");
        this.data = directory.resolve("data");
        this.port = freePort();
        Path passwordFile = directory.resolve("pw");
        Files.writeString(passwordFile, PASSWORD + "\n");
        if (asPostgresUser) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "-A", "scram-sha-256", "-E", "UTF8", "--no-sync", "--locale=C"), true);
        start();
    }

    /** One server for the whole test run, stopped when the JVM ends. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = startNew();
            TestPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return shared;
    }

    /** A server of the test's own (for tests that stop and restart it). */
    public static TestPostgres startNew() {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("POSTGRES_REQUIRED"))) {
                throw new AssertionError("POSTGRES_REQUIRED is set, but no PostgreSQL server binaries are in /usr/lib/postgresql/*/bin");
            }
            Assumptions.abort("no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (apt-get install postgresql)");
        }
        try {
            return new TestPostgres(bin.get());
        } catch (IOException e) {
            throw new IllegalStateException("could not start a test PostgreSQL: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> bin.getParent().getFileName().toString(), Comparator.comparingInt(TestPostgres::number)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database; its DATABASE_URL. */
    public String newDatabase() {
        String name = "bhr_test_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database: " + e.getMessage(), e);
        }
        return url(name, PASSWORD);
    }

    public String url(String database, String password) {
        return "postgresql://" + SUPERUSER + ":" + password + "@127.0.0.1:" + port + "/" + database;
    }

    public void start() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=200", "start"), true);
    }

    /** Stops the server at once, ending every connection (as a crash or a restart does for clients). */
    public void stop() throws IOException, InterruptedException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), true);
    }

    private void run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("bhr-pg-cmd", ".log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + Files.readString(log));
        }
        Files.deleteIfExists(log);
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException | InterruptedException e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the OS cleans it up in the end
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
