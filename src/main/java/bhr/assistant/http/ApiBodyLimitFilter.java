package bhr.assistant.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * A question is at most 1000 characters, so no /api body needs more than 64 KB. The server's own limit (25 MB)
 * is set for admin uploads; this keeps the public API from reading large bodies at all.
 */
@ServerFilter("/api/**")
class ApiBodyLimitFilter {

    static final long MAX_API_BODY = 64 * 1024;

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        if (request.getContentLength() > MAX_API_BODY) {
            return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                    .body(new ApiError("the request body is larger than " + MAX_API_BODY + " bytes"));
        }
        return null;
    }
}
