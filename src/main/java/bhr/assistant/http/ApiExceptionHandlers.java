package bhr.assistant.http;

import bhr.assistant.index.IndexNotReadyException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;

/**
 * Maps our own exceptions to API errors. Anything unexpected is left to the framework, which logs it and
 * answers 500 with the plain body of {@link ApiErrorBodyProvider}: never a stack trace.
 */
@Controller
class ApiExceptionHandlers {

    @Error(global = true, exception = IndexNotReadyException.class)
    HttpResponse<ApiError> notReady(HttpRequest<?> request, IndexNotReadyException e) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .body(new ApiError("the knowledge base is still loading; try again in a few seconds"));
    }
}
