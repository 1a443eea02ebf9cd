package bhr.assistant.admin;

import bhr.assistant.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import bhr.assistant.http.ClientAddress;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.security.MessageDigest;

/**
 * Guards /admin/**: 403 while no ADMIN_TOKEN is configured, 401 without "Authorization: Bearer &lt;token&gt;" or
 * with a wrong one, 429 after too many wrong tokens from one client. The token is compared in constant time.
 */
@ServerFilter("/admin/**")
class AdminAuthFilter {

    /** Wrong tokens allowed per client per window before it must wait; a token cannot be guessed at speed. */
    static final int FAILURES_ALLOWED = 10;
    static final long WINDOW_NANOS = 10L * 60 * 1_000_000_000L;

    private final AdminConfig config;
    private final ClientAddress clients;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    AdminAuthFilter(AdminConfig config, ClientAddress clients) {
        this.config = config;
        this.clients = clients;
    }

    /** Failed attempts of one client in the current window. */
    private static final class Failures {
        private long windowStart;
        private int count;

        synchronized long blockedFor(long now) {
            if (now - windowStart > WINDOW_NANOS) {
                return 0;
            }
            return count >= FAILURES_ALLOWED ? WINDOW_NANOS - (now - windowStart) : 0;
        }

        synchronized void add(long now) {
            if (now - windowStart > WINDOW_NANOS) {
                windowStart = now;
                count = 0;
            }
            count++;
        }
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (AdminPageController.PAGE_PATHS.contains(request.getPath())) {
            return null; // the page itself is public: the token is typed into it and sent with each API call
        }
        if (!config.enabled()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(new ApiError("the admin API is off: set ADMIN_TOKEN to turn it on"));
        }
        String client = clients.of(request);
        long now = System.nanoTime();
        Failures recent = failures.get(client);
        long blocked = recent == null ? 0 : recent.blockedFor(now);
        if (blocked > 0) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(Math.max(1, blocked / 1_000_000_000L)))
                    .body(new ApiError("too many wrong admin tokens from this client; try again later"));
        }
        String header = request.getHeaders().getAuthorization().orElse("");
        String given = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), config.token().getBytes(StandardCharsets.UTF_8))) {
            if (failures.size() > 10_000) {
                failures.clear(); // bounded memory under a flood of clients; the limit restarts for all
            }
            failures.computeIfAbsent(client, key -> new Failures()).add(now);
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .body(new ApiError("missing or wrong admin token"));
        }
        return null;
    }
}
