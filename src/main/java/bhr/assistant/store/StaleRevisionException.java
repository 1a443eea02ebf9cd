package bhr.assistant.store;

import java.io.IOException;

/**
 * A change was based on a manifest revision that is no longer the latest: another writer committed first, and
 * nothing was changed. An IOException, so that a caller that only knows "the store refused the write" still
 * reports it as a failed write; the admin API answers it with 409.
 */
public class StaleRevisionException extends IOException {

    private final long expected;
    private final long actual;

    public StaleRevisionException(long expected, long actual) {
        super("the knowledge base was changed meanwhile (revision " + actual + ", the change was based on revision "
                + expected + "); nothing was changed: reload and try again");
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
