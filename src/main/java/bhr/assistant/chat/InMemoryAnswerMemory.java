package bhr.assistant.chat;

import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@value #CAPACITY} answers used last, in this process (least recently used go first: a plain LRU, since
 * a frequency-based cache could turn away the newest answer, the one most likely to be pressed). Keys count up
 * from a start taken from the clock, so a button from before a restart does not (in practice) find a newer,
 * unrelated answer under its key.
 */
@Singleton
public class InMemoryAnswerMemory implements AnswerMemory {

    static final int CAPACITY = 5_000;

    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private final Map<String, RememberedAnswer> answers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RememberedAnswer> eldest) {
            return size() > CAPACITY;
        }
    };

    @Override
    public synchronized String remember(RememberedAnswer answer) {
        String key = Long.toString(sequence.incrementAndGet(), Character.MAX_RADIX);
        answers.put(key, answer);
        return key;
    }

    @Override
    public synchronized Optional<RememberedAnswer> recall(String key) {
        return Optional.ofNullable(answers.get(key));
    }
}
