package bhr.assistant.http;

import bhr.assistant.index.IndexNotReadyException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns failures that escape a controller into JSON errors without internals; unexpected ones are logged. */
@Controller
class ApiExceptionHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandlers.class);

    @Error(global = true, exception = IndexNotReadyException.class)
    HttpResponse<ApiError> notReady(HttpRequest<?> request, IndexNotReadyException e) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(new ApiError("the knowledge base is still loading; try again in a few seconds"));
    }

    @Error(global = true, exception = Exception.class)
    HttpResponse<ApiError> unexpected(HttpRequest<?> request, Exception e) {
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), e);
        return HttpResponse.<ApiError>status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError("internal error"));
    }
}
