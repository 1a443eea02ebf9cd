package bhr.assistant.postgres;

import bhr.assistant.store.DocumentStore;
import bhr.assistant.update.KnowledgeBaseUpdater;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps this replica serving the store's latest revision: it LISTENs on {@value PostgresDocumentStore#CHANNEL}, so a
 * commit on any replica is served here within the time it takes to build the index (a fraction of a second for
 * the bundled knowledge base), and asks for the revision every {@code database.revision-check-millis} as well, since
 * a notification sent while the listening connection was being made again (after an outage) is lost. When the
 * database comes back, the first check catches up with whatever was committed meanwhile.
 */
@Singleton
@Requires(beans = Database.class)
public class StoreFollower {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFollower.class);

    private final Database db;
    private final DocumentStore store;
    private final KnowledgeBaseUpdater updater;
    private final long checkMillis;
    private volatile boolean closed;
    private volatile Thread thread;

    public StoreFollower(Database db, DocumentStore store, KnowledgeBaseUpdater updater, DatabaseConfig config) {
        this.db = db;
        this.store = store;
        this.updater = updater;
        this.checkMillis = Math.max(100, config.revisionCheckMillis());
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        thread = new Thread(this::follow, "store-follower");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        while (!closed) {
            try (Connection connection = db.dedicatedConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + PostgresDocumentStore.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                check("the store's revision when (re)connected");
                long nextCheck = System.currentTimeMillis() + checkMillis;
                while (!closed) {
                    PGNotification[] received = notifications.getNotifications((int) checkMillis);
                    if (received != null && received.length > 0) {
                        catchUp("revision " + received[received.length - 1].getParameter() + " committed");
                    }
                    if (System.currentTimeMillis() >= nextCheck) {
                        check("periodic revision check");
                        nextCheck = System.currentTimeMillis() + checkMillis;
                    }
                }
            } catch (SQLException e) {
                db.noteFailure(e);
                if (!closed) {
                    LOG.debug("Following the store: {}", e.toString());
                    pause();
                }
            }
        }
    }

    /** Catches up when the store is ahead of what is served. */
    private void check(String reason) {
        try {
            if (store.revision() > updater.servedRevision()) {
                catchUp(reason);
            }
        } catch (IOException e) {
            LOG.debug("Revision check: {}", e.getMessage()); // an outage, noted and logged once by Database
        }
    }

    private void catchUp(String reason) {
        try {
            updater.catchUp(reason);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not serve the store's latest revision ({}); still serving revision {}: {}", reason,
                    updater.servedRevision(), e.getMessage());
        }
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(1000, checkMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @PreDestroy
    void close() {
        closed = true;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }
}
