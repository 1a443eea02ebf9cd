package bhr.assistant.http;

import bhr.assistant.answer.Question;
import bhr.assistant.kb.Actors;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;

import java.util.Optional;

/** Validation shared by the API endpoints; messages say what a correct request looks like. */
final class Requests {

    private Requests() {
    }

    /** A JSON object body, or the 400 to answer instead (empty, malformed, or not an object). */
    record JsonBody(JsonNode object, HttpResponse<ApiError> error) {
    }

    static JsonBody jsonObject(JsonMapper json, String body, String example) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            return new JsonBody(null, badRequest("malformed JSON: send " + example));
        }
        if (request == null || !request.isObject()) {
            return new JsonBody(null, badRequest("the body must be a JSON object: " + example));
        }
        return new JsonBody(request, null);
    }

    static HttpResponse<ApiError> badRequest(String message) {
        return HttpResponse.badRequest(new ApiError(message));
    }

    static Optional<String> questionProblem(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("the question is empty");
        }
        if (text.codePointCount(0, text.length()) > Question.MAX_LENGTH) {
            return Optional.of("the question is longer than " + Question.MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** Parses an optional whole-number parameter within bounds; empty result means it was invalid. */
    static Optional<Integer> boundedInt(String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of(fallback);
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            return parsed < min || parsed > max ? Optional.empty() : Optional.of(parsed);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static boolean isValidActor(String actor) {
        return actor == null || actor.isBlank() || Actors.isKnown(actor);
    }
}
