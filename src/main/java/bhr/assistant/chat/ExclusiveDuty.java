package bhr.assistant.chat;

/**
 * Work that exactly one replica may do at a time, such as Telegram long polling (two pollers would take turns
 * receiving updates and fail each other's calls). One process holds every duty ({@link SingleProcessDuty}); with
 * several replicas a shared store hands each duty to one of them and to another when that one dies.
 */
public interface ExclusiveDuty {

    /**
     * Takes the duty if it is free, or confirms this replica still holds it. Called every few seconds by whoever
     * would do the work; the answer holds until the next call.
     *
     * @param duty a name, e.g. "telegram-polling"
     * @return true while this replica holds the duty
     */
    boolean holds(String duty);

    /** Gives the duty up (at shutdown), so another replica takes it without waiting. */
    void release(String duty);
}
