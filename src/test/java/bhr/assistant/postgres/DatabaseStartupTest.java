package bhr.assistant.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica whose DATABASE_URL is wrong or whose database is unreachable does not start: it exits non-zero with an
 * error that names host and port, and never prints the password.
 */
class DatabaseStartupTest {

    private static final String PASSWORD = "Sangat-Rahasia-123";

    @TempDir
    Path directory;

    @Test
    void an_unreachable_database_stops_the_start_with_host_and_port_and_no_password() throws Exception {
        int closedPort = TestPostgres.freePort();
        String log = failedStart("unreachable", "postgresql://bhr:" + PASSWORD + "@127.0.0.1:" + closedPort + "/bhr?sslmode=disable");
        assertTrue(log.contains("cannot connect to PostgreSQL at 127.0.0.1:" + closedPort), log);
    }

    @Test
    void a_wrong_password_stops_the_start_with_host_and_port_and_no_password() throws Exception {
        TestPostgres postgres = TestPostgres.shared();
        String log = failedStart("wrong-password", postgres.url("postgres", PASSWORD));
        assertTrue(log.contains("cannot connect to PostgreSQL at 127.0.0.1:" + postgres.port()), log);
        assertTrue(log.contains("password authentication failed"), log);
    }

    @Test
    void a_malformed_url_stops_the_start_with_what_is_wrong_and_no_password() throws Exception {
        String log = failedStart("malformed", "postgresql://bhr:" + PASSWORD + "@db.internal:port/bhr");
        assertTrue(log.contains("DATABASE_URL names no host (or a port that is not a number)"), log);
    }

    private String failedStart(String name, String url) throws Exception {
        ReplicaProcess replica = ReplicaProcess.start(name, directory, Map.of("DATABASE_URL", url));
        try {
            assertTrue(replica.process().waitFor(60, TimeUnit.SECONDS), "the replica should give up: " + replica.log());
            assertNotEquals(0, replica.process().exitValue(), replica.log());
            String log = replica.log();
            assertFalse(log.contains(PASSWORD), "the password must never be printed: " + log);
            assertFalse(log.contains("Server Running"), log);
            return log;
        } finally {
            replica.kill();
        }
    }
}
