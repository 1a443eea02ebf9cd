package bhr.assistant.http;

import io.micronaut.serde.annotation.Serdeable;

/** Every error body of the API: {"error": "..."} (CONTRACT.md). */
@Serdeable
public record ApiError(String error) {
}
