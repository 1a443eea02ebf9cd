package bhr.assistant.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API_RATE_LIMIT requests per minute per client on /api/** (a token bucket that refills continuously); beyond
 * it 429 with Retry-After. The bucket map is swept when it grows, so many one-off clients cannot exhaust memory.
 */
@ServerFilter("/api/**")
class RateLimitFilter {

    private static final int SWEEP_ABOVE = 50_000;

    private final int perMinute;
    private final ClientAddress clients;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(ApiLimitsConfig config, ClientAddress clients) {
        this.perMinute = config.rateLimit();
        this.clients = clients;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (perMinute <= 0) {
            return null;
        }
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.idleSince(now) > 120_000_000_000L);
        }
        long waitNanos = buckets.computeIfAbsent(clients.of(request), key -> new Bucket(perMinute, now)).take(now);
        if (waitNanos == 0) {
            return null;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(seconds))
                .body(new ApiError("too many requests: at most " + perMinute + " a minute; try again in " + seconds + " s"));
    }

    /** Holds up to perMinute tokens, refilled at perMinute per minute. */
    private static final class Bucket {
        private final double capacity;
        private final double nanosPerToken;
        private double tokens;
        private long updated;

        Bucket(int perMinute, long now) {
            this.capacity = perMinute;
            this.nanosPerToken = 60_000_000_000.0 / perMinute;
            this.tokens = perMinute;
            this.updated = now;
        }

        /** Takes a token and returns 0, or returns how long until one is available. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) / nanosPerToken);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) ((1 - tokens) * nanosPerToken);
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
