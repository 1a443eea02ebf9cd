package bhr.assistant.http;

import bhr.assistant.answer.Question;
import bhr.assistant.kb.Actors;
import io.micronaut.http.HttpResponse;

import java.util.Optional;

/** Validation shared by the API endpoints; messages say what a correct request looks like. */
final class Requests {

    private Requests() {
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
