package bhr.assistant.postgres;

import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.chat.SlidingWindowQuestionQuota;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Each user's question times of the last minute in {@code chat_quota}, one row per user locked while it is
 * counted, so the limit holds whichever replica a user's messages reach. The database's clock decides, so
 * replicas' clocks need not agree. While the database is away, this replica counts on its own.
 */
@Singleton
@Requires(beans = Database.class)
@Replaces(SlidingWindowQuestionQuota.class)
public class PostgresQuestionQuota implements QuestionQuota {

    private static final long WINDOW_MILLIS = 60_000;

    private final Database db;
    private final SlidingWindowQuestionQuota fallback = new SlidingWindowQuestionQuota();

    public PostgresQuestionQuota(Database db) {
        this.db = db;
    }

    @Override
    public boolean tryAcquire(String userKey, int perMinute) {
        if (perMinute <= 0) {
            return true;
        }
        if (db.isDown()) {
            return fallback.tryAcquire(userKey, perMinute);
        }
        try {
            return db.transaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO chat_quota (user_key, times, last_at) VALUES (?, '{}', now()) ON CONFLICT (user_key) DO NOTHING")) {
                    insert.setString(1, userKey);
                    insert.executeUpdate();
                }
                long now;
                List<Long> recent = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT times, (extract(epoch FROM clock_timestamp()) * 1000)::bigint FROM chat_quota WHERE user_key = ? FOR UPDATE")) {
                    select.setString(1, userKey);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        now = rows.getLong(2);
                        for (Long time : (Long[]) rows.getArray(1).getArray()) {
                            if (time > now - WINDOW_MILLIS) {
                                recent.add(time);
                            }
                        }
                    }
                }
                boolean within = recent.size() < perMinute;
                if (within) {
                    recent.add(now);
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE chat_quota SET times = ?, last_at = now() WHERE user_key = ?")) {
                    Array times = connection.createArrayOf("bigint", recent.toArray(Long[]::new));
                    update.setArray(1, times);
                    update.setString(2, userKey);
                    update.executeUpdate();
                }
                return within;
            });
        } catch (IOException e) {
            return fallback.tryAcquire(userKey, perMinute);
        }
    }
}
