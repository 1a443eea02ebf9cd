package bhr.assistant.postgres;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.Citation;
import bhr.assistant.chat.AnswerMemory;
import bhr.assistant.chat.InMemoryAnswerMemory;
import bhr.assistant.chat.RememberedAnswer;
import bhr.assistant.kb.Source;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.SerdeImport;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The answers buttons refer to, in {@code chat_answers} (kept a week), so a button pressed on a message one replica
 * sent works on any other. Keys are 13 random characters of [0-9a-z] (about 67 bits), unique across replicas
 * without asking anyone; the few thousand this replica used last are also kept in its memory, which answers
 * first, and alone while the database is away.
 */
@Singleton
@Requires(beans = Database.class)
@Replaces(InMemoryAnswerMemory.class)
@SerdeImport(RememberedAnswer.class)
@SerdeImport(Answer.class)
@SerdeImport(Citation.class)
@SerdeImport(Source.class)
public class PostgresAnswerMemory implements AnswerMemory {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresAnswerMemory.class);
    private static final int KEY_LENGTH = 13;
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Database db;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, RememberedAnswer> local = Caffeine.newBuilder().maximumSize(5_000).build();

    public PostgresAnswerMemory(Database db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String remember(RememberedAnswer answer) {
        String key = newKey();
        local.put(key, answer);
        if (!db.isDown()) {
            try {
                String value = json.writeValueAsString(answer);
                db.transaction(connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO chat_answers (answer_key, answer) VALUES (?, ?) ON CONFLICT (answer_key) DO NOTHING")) {
                        insert.setString(1, key);
                        insert.setString(2, value);
                        insert.executeUpdate();
                    }
                    return null;
                });
            } catch (IOException e) {
                LOG.debug("Answer {} kept in this replica's memory only: {}", key, e.getMessage());
            }
        }
        return key;
    }

    @Override
    public Optional<RememberedAnswer> recall(String key) {
        RememberedAnswer here = local.getIfPresent(key);
        if (here != null || db.isDown()) {
            return Optional.ofNullable(here);
        }
        try {
            String value = db.transaction(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT answer FROM chat_answers WHERE answer_key = ?")) {
                    select.setString(1, key);
                    try (ResultSet rows = select.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }
            });
            if (value == null) {
                return Optional.empty();
            }
            RememberedAnswer found = json.readValue(value, RememberedAnswer.class);
            local.put(key, found);
            return Optional.of(found);
        } catch (IOException e) {
            LOG.debug("Answer {} could not be recalled: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    private String newKey() {
        StringBuilder key = new StringBuilder(KEY_LENGTH);
        for (int i = 0; i < KEY_LENGTH; i++) {
            key.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        }
        return key.toString();
    }
}
