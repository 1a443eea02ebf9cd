package bhr.assistant.whatsapp;

import java.time.Duration;
import java.util.Set;

/**
 * The Graph API refused a call. Its {@code code} says why, more exactly than the HTTP status (Meta asks that error
 * handling be built on it): rate limits come as 429 or as 400 with code 130429 and others.
 */
final class GraphApiException extends Exception {

    /**
     * Limits that lift by themselves: 4 (app's call rate), 80007 (the business account's rate), 130429 (Cloud API
     * throughput), 131048 (spam rate limit), 131056 (too many messages to the same user too fast: the pair rate).
     */
    static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 130429, 131048, 131056);
    /** Meta's own trouble: 1 (unknown), 2 (service temporarily down or overloaded), 131000 (something went wrong), 131016 (service unavailable). */
    static final Set<Integer> TEMPORARY = Set.of(1, 2, 131000, 131016);
    /** 131047: more than 24 hours since the user last wrote; only a template could reach them now. */
    static final int WINDOW_CLOSED = 131047;
    /** The message itself was refused: 100 (invalid parameter), 131008 (required parameter missing), 131009 (parameter value not valid). */
    static final Set<Integer> INVALID_MESSAGE = Set.of(100, 131008, 131009);

    private final int status;
    private final int code;
    private final Duration retryAfter;

    GraphApiException(int status, int code, String title, Duration retryAfter) {
        super(status + " " + (title.contains("#" + code) ? "" : "(#" + code + ") ") + Privacy.withoutNumbers(title));
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }

    /** The wait Meta named in a Retry-After header; null when it named none. */
    Duration retryAfter() {
        return retryAfter;
    }

    boolean rateLimited() {
        return status == 429 || RATE_LIMITS.contains(code);
    }

    boolean temporary() {
        return status >= 500 || TEMPORARY.contains(code);
    }

    boolean windowClosed() {
        return code == WINDOW_CLOSED;
    }

    boolean invalidMessage() {
        return status == 400 && INVALID_MESSAGE.contains(code);
    }
}
