package bhr.assistant.chat;

import jakarta.inject.Singleton;

/** One process, so it holds every duty. */
@Singleton
public class SingleProcessDuty implements ExclusiveDuty {

    @Override
    public boolean holds(String duty) {
        return true;
    }

    @Override
    public void release(String duty) {
        // nobody else to hand it to
    }
}
