package bhr.assistant.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Delivery ids of the last hour, at most {@value #CAPACITY} of them, in this process. Redeliveries come within
 * seconds or minutes of the first attempt (Telegram retries a webhook call it got no answer to), so an hour
 * covers them; the bound keeps a flood of made-up ids from growing the heap (about 100 bytes an id).
 */
@Singleton
public class InMemoryDeliveryLog implements DeliveryLog {

    static final int CAPACITY = 50_000;
    static final Duration WINDOW = Duration.ofHours(1);

    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .maximumSize(CAPACITY)
            .expireAfterWrite(WINDOW)
            .build();

    @Override
    public boolean firstDelivery(String deliveryId) {
        return seen.asMap().putIfAbsent(deliveryId, Boolean.TRUE) == null;
    }
}
