package bhr.assistant.postgres;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Removes shared chat state past its use, every ten minutes on each replica (the deletes are idempotent): delivery
 * ids after an hour (the dedupe window), users' question times after their minute, remembered answers and their
 * votes after a week (a button pressed later says the answer expired; the votes stay in the feedback table).
 */
@Singleton
@Requires(beans = Database.class)
public class ChatStateHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(ChatStateHousekeeping.class);

    private final Database db;
    private ScheduledExecutorService scheduler;

    public ChatStateHousekeeping(Database db) {
        this.db = db;
    }

    @EventListener
    void onServerStartup(ServerStartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chat-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, 1, 10, TimeUnit.MINUTES);
    }

    void sweep() {
        if (db.isDown()) {
            return;
        }
        try {
            db.transaction(connection -> {
                try (Statement delete = connection.createStatement()) {
                    delete.executeUpdate("DELETE FROM chat_deliveries WHERE at < now() - interval '1 hour'");
                    delete.executeUpdate("DELETE FROM chat_quota WHERE last_at < now() - interval '2 minutes'");
                    delete.executeUpdate("DELETE FROM chat_answers WHERE at < now() - interval '7 days'");
                    delete.executeUpdate("DELETE FROM chat_votes WHERE at < now() - interval '7 days'");
                }
                return null;
            });
        } catch (IOException e) {
            LOG.debug("Chat state housekeeping: {}", e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
