package bhr.assistant.admin;

import bhr.assistant.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards /admin/**: 403 while no ADMIN_TOKEN is configured, 401 without "Authorization: Bearer &lt;token&gt;" or
 * with a wrong one. The token is compared in constant time.
 */
@ServerFilter("/admin/**")
class AdminAuthFilter {

    private final AdminConfig config;

    AdminAuthFilter(AdminConfig config) {
        this.config = config;
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
        String given = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), config.token().getBytes(StandardCharsets.UTF_8))) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .body(new ApiError("missing or wrong admin token"));
        }
        return null;
    }
}
