package bhr.assistant.http;

import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.kb.DocumentMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * POST /api/feedback {"question", "helpful": true|false, "passageIds": [...]}: a 👍 or 👎 from the web page,
 * recorded like Telegram's (no user id is taken).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedbackController {

    private static final int MAX_PASSAGES = 10;

    private final FeedbackStore feedback;
    private final JsonMapper json;

    FeedbackController(FeedbackStore feedback, JsonMapper json) {
        this.feedback = feedback;
        this.json = json;
    }

    @Serdeable
    record Recorded(boolean recorded) {
    }

    @Post(uri = "/feedback", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> record(@Nullable @Body String body) {
        Requests.JsonBody parsed = Requests.jsonObject(json, body, "{\"question\": \"...\", \"helpful\": true}");
        if (parsed.error() != null) {
            return parsed.error();
        }
        JsonNode request = parsed.object();
        JsonNode question = request.get("question");
        if (question == null || !question.isString()) {
            return Requests.badRequest("'question' must be a string");
        }
        Optional<String> problem = Requests.questionProblem(question.getStringValue());
        if (problem.isPresent()) {
            return Requests.badRequest(problem.get());
        }
        JsonNode helpful = request.get("helpful");
        if (helpful == null || !helpful.isBoolean()) {
            return Requests.badRequest("'helpful' must be true or false");
        }
        List<String> passageIds = new ArrayList<>();
        JsonNode passages = request.get("passageIds");
        if (passages != null && passages.isArray()) {
            for (JsonNode id : passages.values()) {
                // Only well-formed passage ids are kept: the record is shown to admins later.
                if (id.isString() && id.getStringValue().length() <= 200 && passageIds.size() < MAX_PASSAGES
                        && DocumentMetadata.isValidId(id.getStringValue().split("#", 2)[0])) {
                    passageIds.add(id.getStringValue());
                }
            }
        }
        boolean recorded = feedback.record(new FeedbackRecord(Instant.now(),
                helpful.getBooleanValue() ? FeedbackRecord.Kind.HELPFUL : FeedbackRecord.Kind.NOT_HELPFUL,
                question.getStringValue().strip(), "web", "", passageIds));
        if (!recorded) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ApiError("your rating could not be saved right now; please try again later"));
        }
        return HttpResponse.ok(new Recorded(true));
    }
}
