package bhr.assistant.kb;

/** A document that cannot be read or breaks the knowledge-base rules; the message says why, for people. */
public class InvalidDocumentException extends Exception {

    public InvalidDocumentException(String reason) {
        super(reason);
    }

    public InvalidDocumentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
