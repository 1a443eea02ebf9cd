package bhr.assistant.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every response carries: no MIME sniffing, no framing by other sites, no referrer leaking, and a
 * Content-Security-Policy that lets pages load only the service's own scripts, styles and data.
 */
@ServerFilter("/**")
class SecurityHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The generated Swagger UI page boots with an inline script; it gets that, and nothing from outside either. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @ResponseFilter
    void secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Content-Security-Policy", request.getPath().startsWith("/swagger-ui") ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY);
    }
}
