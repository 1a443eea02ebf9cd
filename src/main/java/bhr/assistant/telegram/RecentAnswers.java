package bhr.assistant.telegram;

import bhr.assistant.answer.Answer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers that buttons refer to. callback_data holds at most 64 bytes, so a button carries a short key into
 * this bounded cache instead of the question. Keys of evicted answers, or from before a restart, find nothing,
 * and the button says it has expired.
 */
final class RecentAnswers {

    private static final int CAPACITY = 5_000;

    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
    private final Map<String, Answer> answers = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Answer> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized String put(Answer answer) {
        String key = Long.toString(sequence.incrementAndGet(), Character.MAX_RADIX);
        answers.put(key, answer);
        return key;
    }

    synchronized Optional<Answer> get(String key) {
        return Optional.ofNullable(answers.get(key));
    }
}
