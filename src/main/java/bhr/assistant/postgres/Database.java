package bhr.assistant.postgres;

import bhr.assistant.store.StoreUnavailableException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;

/**
 * The PostgreSQL database every replica shares, when DATABASE_URL is set: a connection pool (HikariCP), the schema
 * brought up to date with Flyway at start-up (replicas starting together wait on Flyway's lock), and whether the
 * database is reachable now. A replica that cannot reach it at start-up does not start: the error names host and
 * port, never the password. Once running, an outage is noted ({@link #isDown()}) so that chat state falls back
 * to this replica's memory at once instead of waiting on a dead connection for every message.
 */
@Context
@Requires(property = "database.url", pattern = ".+")
public class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Seconds a new connection may take; a dead host fails in that time rather than after the OS's minutes. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final DatabaseUrl url;
    private final HikariDataSource pool;
    private volatile long downSince;

    public Database(DatabaseConfig config) {
        this(DatabaseUrl.parse(config.url()), config.poolSize());
    }

    public Database(DatabaseUrl url, int poolSize) {
        this.url = url;
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("bhr-postgres");
        hikari.setJdbcUrl(url.jdbcUrl());
        hikari.setUsername(url.user());
        hikari.setPassword(url.password());
        hikari.setMaximumPoolSize(Math.max(2, poolSize));
        hikari.setMinimumIdle(1);
        // Waiting for a connection longer than this means the database is not there: fail the call (an admin
        // change gets 503) rather than hold it.
        hikari.setConnectionTimeout(3_000);
        hikari.setValidationTimeout(1_000);
        hikari.setInitializationFailTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        hikari.setDataSourceProperties(driverProperties());
        try {
            this.pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new DatabaseStartupException("cannot connect to PostgreSQL at " + url.where() + " (database '" + url.database()
                    + "', user '" + url.user() + "'): " + rootMessage(e) + ". Check DATABASE_URL", null);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new DatabaseStartupException("cannot bring the schema of PostgreSQL at " + url.where() + "/" + url.database()
                    + " up to date: " + rootMessage(e), null);
        }
        LOG.info("Shared state in PostgreSQL at {} (database '{}', user '{}'): schema up to date", url.where(), url.database(), url.user());
    }

    private Properties driverProperties() {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "bhr-assistant");
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        // A statement that gets no answer for this long is on a dead connection; without it a call could hang for
        // as long as the OS keeps the connection open.
        properties.setProperty("socketTimeout", "60");
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    public DatabaseUrl url() {
        return url;
    }

    /** A pooled connection; an outage is noted and reported as {@link StoreUnavailableException}. */
    public Connection connection() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            noteFailure(e);
            throw e;
        }
    }

    /**
     * A connection of its own, outside the pool, for what holds one open: LISTEN, a lease's advisory lock. Same
     * URL, user and password as the pool.
     */
    public Connection dedicatedConnection() throws SQLException {
        Properties properties = driverProperties();
        properties.setProperty("user", url.user());
        properties.setProperty("password", url.password());
        try {
            return DriverManager.getConnection(url.jdbcUrl(), properties);
        } catch (SQLException e) {
            noteFailure(e);
            throw e;
        }
    }

    /** One unit of work over a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    /**
     * Runs the work in one transaction, committed if it returns and rolled back if it throws. An unreachable
     * database becomes a {@link StoreUnavailableException} that says which one and why; any other SQL failure an
     * IOException with the database's reason.
     */
    public <T> T transaction(int isolation, Work<T> work) throws IOException {
        try (Connection connection = connection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(isolation);
            try {
                T result = work.run(connection);
                connection.commit();
                noteSuccess();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public <T> T transaction(Work<T> work) throws IOException {
        return transaction(Connection.TRANSACTION_READ_COMMITTED, work);
    }

    /** The IOException an SQL failure becomes; noted as an outage when it is one. */
    public IOException failure(SQLException e) {
        if (isConnectionFailure(e)) {
            noteFailure(e);
            return new StoreUnavailableException("the database (PostgreSQL at " + url.where() + ") cannot be reached now: "
                    + rootMessage(e) + "; nothing was changed, try again once it is back", e);
        }
        return new IOException("the database (PostgreSQL at " + url.where() + ") refused it: " + rootMessage(e), e);
    }

    /** True while the last attempt to reach the database failed (set back by the next that works). */
    public boolean isDown() {
        return downSince != 0;
    }

    /** Notes an SQL failure: a lost or refused connection marks the database down, once, with one log line. */
    public void noteFailure(SQLException e) {
        if (isConnectionFailure(e) && downSince == 0) {
            downSince = System.currentTimeMillis();
            LOG.error("PostgreSQL at {} cannot be reached ({}): questions are still answered from this replica's index; "
                    + "admin changes get 503, and chat state is kept in this replica's memory until it is back", url.where(), rootMessage(e));
        }
    }

    /** Notes that the database answered: ends an outage, with one log line. */
    public void noteSuccess() {
        long since = downSince;
        if (since != 0) {
            downSince = 0;
            LOG.info("PostgreSQL at {} is reachable again after {} s", url.where(), (System.currentTimeMillis() - since) / 1000);
        }
    }

    static boolean isConnectionFailure(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof java.io.EOFException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: shut down, crash, cannot connect now; 53300: too many connections
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the transaction went with it
        }
    }

    @PreDestroy
    @Override
    public void close() {
        pool.close();
    }

    /** The database cannot be used at start-up: the replica does not start. The message names host and port only. */
    public static final class DatabaseStartupException extends IllegalStateException {
        DatabaseStartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
