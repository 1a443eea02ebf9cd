package bhr.assistant.conversation;

/** Kinds of message that are not questions for the knowledge base, each with its own friendly reply. */
public enum SmallTalk {
    GREETING("greeting"), THANKS("thanks"), ACK("ack"), GOODBYE("goodbye"), ABOUT_BOT("aboutBot"), CHITCHAT("chitchat"),
    SYMBOLS("symbols");

    private final String key;

    SmallTalk(String key) {
        this.key = key;
    }

    /** The key of the reply in the answer messages ("smallTalk.greeting"). */
    public String messageKey() {
        return "smallTalk." + key;
    }
}
