package bhr.assistant.update;

/** A change that cannot be made as asked (nothing was changed); the message says why, for the admin. */
public class ChangeRefused extends Exception {

    public enum Kind {
        /** no such document or version */
        NOT_FOUND,
        /** it exists, but the change does not apply to its state (nothing earlier, already current, file gone) */
        CONFLICT
    }

    private final Kind kind;

    public ChangeRefused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
