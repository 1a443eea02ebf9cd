package bhr.assistant.chat;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The times of each user's questions in the last minute, in this process. */
@Singleton
public class SlidingWindowQuestionQuota implements QuestionQuota {

    private static final long WINDOW_MILLIS = 60_000;
    /** Past this many users, those without a question in the last minute are forgotten. */
    private static final int USERS_BEFORE_SWEEP = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    @Inject
    public SlidingWindowQuestionQuota() {
        this(Clock.systemUTC());
    }

    SlidingWindowQuestionQuota(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean tryAcquire(String userKey, int perMinute) {
        if (perMinute <= 0) {
            return true;
        }
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(userKey, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
        }
        if (recent.size() > USERS_BEFORE_SWEEP) {
            recent.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    return entry.getValue().isEmpty() || entry.getValue().peekLast() <= now - WINDOW_MILLIS;
                }
            });
        }
        return true;
    }
}
