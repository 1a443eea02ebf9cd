package bhr.assistant.store;

import java.io.IOException;

/**
 * The store cannot be reached now (the database is down or unreachable): nothing was changed, and the same change
 * can be made again once it is back. The admin API answers it with 503 and this message, which names the database
 * by host and port (never its password).
 */
public class StoreUnavailableException extends IOException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
