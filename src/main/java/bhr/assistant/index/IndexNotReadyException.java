package bhr.assistant.index;

/** Thrown by reads before the first knowledge base has been indexed. */
public class IndexNotReadyException extends RuntimeException {

    public IndexNotReadyException() {
        super("the knowledge base is still being indexed");
    }
}
