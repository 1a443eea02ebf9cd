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
 * Guards /admin/**: 403 while no ADMIN_TOKEN is configured; 401 without "Authorization: Bearer &lt;token&gt;" or with
 * a wrong one. The lockout blocks guessing, never the admin: only a presented, wrong token counts as a failure
 * (a request without a token, such as an &lt;img&gt; pointed at the API or a CORS preflight, does not), and the right
 * token is always let through, also while its client is locked out. After {@link #FAILURES_ALLOWED} wrong tokens
 * from one client, or {@link #GLOBAL_FAILURES_ALLOWED} from all clients together, within {@link #WINDOW_NANOS},
 * further wrong tokens get 429 until the window ends. The token is compared in constant time.
 */
@ServerFilter("/admin/**")
class AdminAuthFilter {

    /** Wrong tokens allowed per client per window before it must wait; a token cannot be guessed at speed. */
    static final int FAILURES_ALLOWED = 10;
    /** Wrong tokens allowed from all clients together: bounds guessing from many addresses (or behind a proxy). */
    static final int GLOBAL_FAILURES_ALLOWED = 100;
    static final long WINDOW_NANOS = 10L * 60 * 1_000_000_000L;
    private static final String ALL_CLIENTS = "";

    private final AdminConfig config;
    private final ClientAddress clients;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    AdminAuthFilter(AdminConfig config, ClientAddress clients) {
        this.config = config;
        this.clients = clients;
    }

    /** Failed attempts of one client (or of all) in the current window. */
    private static final class Failures {
        private final int allowed;
        private long windowStart;
        private int count;

        Failures(int allowed) {
            this.allowed = allowed;
        }

        synchronized long blockedFor(long now) {
            if (now - windowStart > WINDOW_NANOS) {
                return 0;
            }
            return count >= allowed ? WINDOW_NANOS - (now - windowStart) : 0;
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
        String header = request.getHeaders().getAuthorization().orElse("");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return unauthorized("missing admin token: send the header 'Authorization: Bearer <ADMIN_TOKEN>'");
        }
        String given = header.substring(7).strip();
        if (MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), config.token().getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        String client = clients.of(request);
        long now = System.nanoTime();
        Failures all = failures.computeIfAbsent(ALL_CLIENTS, key -> new Failures(GLOBAL_FAILURES_ALLOWED));
        Failures recent = failures.get(client);
        long blocked = Math.max(all.blockedFor(now), recent == null ? 0 : recent.blockedFor(now));
        if (blocked > 0) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", String.valueOf(Math.max(1, blocked / 1_000_000_000L)))
                    .body(new ApiError("too many wrong admin tokens; wrong tokens are refused for a while (the right token still works)"));
        }
        if (failures.size() > 10_000) {
            failures.clear(); // bounded memory under a flood of clients; the limit for all clients still holds
            failures.put(ALL_CLIENTS, all);
        }
        failures.computeIfAbsent(client, key -> new Failures(FAILURES_ALLOWED)).add(now);
        all.add(now);
        return unauthorized("wrong admin token");
    }

    private static HttpResponse<ApiError> unauthorized(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").body(new ApiError(message));
    }
}
