package bhr.assistant.postgres;

import bhr.assistant.store.UserIdHasher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * User-id hashes with the salt kept in the database: every replica hashes a user the same way, so per-user
 * records and limits meet across replicas. The first replica makes the salt; the DATA_DIR migration copies the
 * file store's salt, so hashes recorded before stay comparable.
 */
@Context // made at start-up, while the database is known to be reachable, not at a first request during an outage
@Requires(beans = Database.class)
@Replaces(UserIdHasher.class)
public class SharedUserIdHasher extends UserIdHasher {

    static final String SALT = "user-id-salt";

    public SharedUserIdHasher(Database db) {
        super(salt(db, UserIdHasher.newSalt()));
    }

    /** The stored salt; {@code candidate} becomes it when there is none yet (the first replica to ask wins). */
    static String salt(Database db, String candidate) {
        try {
            return db.transaction(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
                    insert.setString(1, SALT);
                    insert.setString(2, candidate);
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
                    select.setString(1, SALT);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        return rows.getString(1);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the user-id salt from the database", e);
        }
    }
}
