package bhr.assistant.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Gives the framework's own errors (unknown route, wrong method, unsupported media type, body too large,
 * unconvertible parameter) the same {"error": "..."} body as ours, and never a stack trace or internal path.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ApiErrorBodyProvider implements JsonErrorResponseBodyProvider<ApiError> {

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        if (status.getCode() >= 500) {
            return new ApiError("internal error");
        }
        if (status == HttpStatus.NOT_FOUND) {
            return new ApiError("not found");
        }
        if (context.hasErrors() && status == HttpStatus.BAD_REQUEST) {
            return new ApiError(context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; ")));
        }
        return new ApiError(status.getReason());
    }
}
