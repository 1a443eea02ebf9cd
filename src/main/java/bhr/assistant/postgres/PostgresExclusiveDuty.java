package bhr.assistant.postgres;

import bhr.assistant.chat.ExclusiveDuty;
import bhr.assistant.chat.SingleProcessDuty;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Each duty is a PostgreSQL session-level advisory lock, held on a connection of its own. The database releases
 * it when that connection ends: at once when the replica's process dies (the OS closes its socket), and after
 * {@value #IDLE_SESSION_TIMEOUT} when its machine vanishes (the holder confirms the lock every few seconds, so
 * only a dead holder's session sits idle that long). Another replica's next {@link #holds} then takes it.
 *
 * <p>While the database cannot be reached, nobody can take a duty, so the replica that held one keeps it (Telegram
 * is still polled during an outage). Once the database answers again the holder must take the lock again; if
 * another replica was quicker, it gives the duty up. For the seconds in between both may poll: the shared
 * delivery log keeps any update from being answered twice.
 */
@Singleton
@Requires(beans = Database.class)
@Replaces(SingleProcessDuty.class)
public class PostgresExclusiveDuty implements ExclusiveDuty {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresExclusiveDuty.class);
    /** First half of every advisory lock key of this service ('bh'), the second being the duty's hash. */
    private static final int KEY_SPACE = 0x6268;
    static final String IDLE_SESSION_TIMEOUT = "8s";

    private final Database db;
    private final Map<String, Session> sessions = new HashMap<>();

    private static final class Session {
        Connection connection;
        boolean held;
    }

    public PostgresExclusiveDuty(Database db) {
        this.db = db;
    }

    @Override
    public synchronized boolean holds(String duty) {
        Session session = sessions.computeIfAbsent(duty, name -> new Session());
        if (session.connection != null && alive(session.connection)) {
            if (!session.held) {
                session.held = tryLock(session, duty);
            }
            return session.held;
        }
        closeQuietly(session.connection);
        session.connection = null;
        boolean heldBefore = session.held;
        try {
            session.connection = db.dedicatedConnection();
            try (Statement statement = session.connection.createStatement()) {
                statement.execute("SET idle_session_timeout = '" + IDLE_SESSION_TIMEOUT + "'");
            } catch (SQLException olderServer) {
                // before PostgreSQL 14: a vanished machine's lock then lasts until the server notices the connection is dead
            }
        } catch (SQLException e) {
            // Nobody can take the duty while the database is away: whoever held it keeps it.
            return heldBefore;
        }
        session.held = tryLock(session, duty);
        if (heldBefore && !session.held) {
            LOG.warn("Another replica took over {} while this one had lost its connection to the database: this replica stops it", duty);
        }
        return session.held;
    }

    private boolean tryLock(Session session, String duty) {
        try (PreparedStatement lock = session.connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, KEY_SPACE);
            lock.setString(2, duty);
            try (ResultSet rows = lock.executeQuery()) {
                boolean taken = rows.next() && rows.getBoolean(1);
                if (taken) {
                    LOG.info("This replica holds {} (PostgreSQL advisory lock)", duty);
                }
                return taken;
            }
        } catch (SQLException e) {
            db.noteFailure(e);
            closeQuietly(session.connection);
            session.connection = null;
            return session.held;
        }
    }

    private static boolean alive(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void release(String duty) {
        Session session = sessions.remove(duty);
        if (session != null) {
            closeQuietly(session.connection); // ending the session releases its advisory locks
        }
    }

    @PreDestroy
    synchronized void close() {
        sessions.values().forEach(session -> closeQuietly(session.connection));
        sessions.clear();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone already
            }
        }
    }
}
