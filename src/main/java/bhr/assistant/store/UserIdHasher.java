package bhr.assistant.store;

import bhr.assistant.kb.DocumentReader;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns user ids (Telegram ids, client addresses) into salted hashes, so records and logs can count a user's
 * questions without holding who they are. The salt is made once per installation and kept in DATA_DIR; if it
 * cannot be kept, a salt for this run is used (hashes then differ across restarts, which is the safe failure).
 */
@Singleton
public class UserIdHasher {

    private static final Logger LOG = LoggerFactory.getLogger(UserIdHasher.class);

    private final String salt;

    @jakarta.inject.Inject
    public UserIdHasher(DataConfig config) {
        this.salt = loadOrCreateSalt(Path.of(config.dir()).resolve("salt"));
    }

    /** With a salt kept elsewhere (every replica of a shared store uses the same one, so hashes match across them). */
    protected UserIdHasher(String salt) {
        this.salt = salt;
    }

    /** The salt in DATA_DIR (made if missing), for copying it into a shared store. */
    public static String saltOf(Path dataDirectory) {
        return loadOrCreateSalt(dataDirectory.resolve("salt"));
    }

    public String hash(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        return DocumentReader.sha256((salt + ":" + userId).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String loadOrCreateSalt(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                String existing = Files.readString(file).strip();
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
            String created = newSalt();
            Files.createDirectories(file.getParent());
            Files.writeString(file, created);
            return created;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep the user-id salt in {} ({}); using one for this run only", file, e.getMessage());
            return newSalt();
        }
    }

    public static String newSalt() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
