package bhr.assistant.postgres;

import bhr.assistant.chat.DeliveryLog;
import bhr.assistant.chat.InMemoryDeliveryLog;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.PreparedStatement;

/**
 * Delivery ids of the last hour in {@code chat_deliveries}, so a webhook update Telegram retries against another
 * replica is still a repeat. While the database is away, this replica's memory stands in (a repeat that lands on
 * another replica then gets through: the outage trades that for answering at all).
 */
@Singleton
@Requires(beans = Database.class)
@Replaces(InMemoryDeliveryLog.class)
public class PostgresDeliveryLog implements DeliveryLog {

    private final Database db;
    private final InMemoryDeliveryLog fallback = new InMemoryDeliveryLog();

    public PostgresDeliveryLog(Database db) {
        this.db = db;
    }

    @Override
    public boolean firstDelivery(String deliveryId) {
        boolean firstHere = fallback.firstDelivery(deliveryId);
        if (db.isDown()) {
            return firstHere;
        }
        try {
            return db.transaction(connection -> {
                // An id older than the window counts as new again, as in memory.
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO chat_deliveries (delivery_id) VALUES (?)
                        ON CONFLICT (delivery_id) DO UPDATE SET at = now() WHERE chat_deliveries.at < now() - interval '1 hour'""")) {
                    insert.setString(1, deliveryId);
                    return insert.executeUpdate() == 1;
                }
            });
        } catch (IOException e) {
            return firstHere;
        }
    }
}
