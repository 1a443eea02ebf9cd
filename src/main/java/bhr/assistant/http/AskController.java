package bhr.assistant.http;

import bhr.assistant.answer.Answer;
import bhr.assistant.answer.AnswerService;
import bhr.assistant.answer.Citation;
import bhr.assistant.answer.Question;
import bhr.assistant.feedback.FeedbackRecord;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.kb.Actors;
import bhr.assistant.ops.AssistantMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.SerdeImport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * POST /api/ask. The body is read as text and parsed here, so every malformed or mistyped request gets a
 * specific 400 {"error": ...} instead of a framework message.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@SerdeImport(Answer.class)
@SerdeImport(Citation.class)
class AskController {

    private final AnswerService answers;
    private final JsonMapper json;
    private final FeedbackStore feedback;
    private final AssistantMetrics metrics;

    AskController(AnswerService answers, JsonMapper json, FeedbackStore feedback, AssistantMetrics metrics) {
        this.metrics = metrics;
        this.answers = answers;
        this.json = json;
        this.feedback = feedback;
    }

    @Post(uri = "/ask", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> ask(@Nullable @Body String body) {
        Requests.JsonBody parsed = Requests.jsonObject(json, body, "{\"question\": \"...\"}");
        if (parsed.error() != null) {
            return parsed.error();
        }
        JsonNode request = parsed.object();
        JsonNode questionNode = request.get("question");
        if (questionNode == null || questionNode.isNull()) {
            return Requests.badRequest("'question' is required");
        }
        if (!questionNode.isString()) {
            return Requests.badRequest("'question' must be a string");
        }
        Optional<String> problem = Requests.questionProblem(questionNode.getStringValue());
        if (problem.isPresent()) {
            return Requests.badRequest(problem.get());
        }
        Optional<String> language = Optional.empty();
        JsonNode langNode = request.get("lang");
        if (langNode != null && !langNode.isNull()) {
            if (!langNode.isString() || !(langNode.getStringValue().equals("id") || langNode.getStringValue().equals("en"))) {
                return Requests.badRequest("'lang' must be \"id\" or \"en\"");
            }
            language = Optional.of(langNode.getStringValue());
        }
        int limit = Question.DEFAULT_LIMIT;
        JsonNode limitNode = request.get("limit");
        if (limitNode != null && !limitNode.isNull()) {
            if (!limitNode.isNumber() || limitNode.getNumberValue().doubleValue() != limitNode.getIntValue()
                    || limitNode.getIntValue() < 1 || limitNode.getIntValue() > Question.MAX_LIMIT) {
                return Requests.badRequest("'limit' must be a whole number from 1 to " + Question.MAX_LIMIT);
            }
            limit = limitNode.getIntValue();
        }
        Optional<String> actor = Optional.empty();
        JsonNode actorNode = request.get("actor");
        if (actorNode != null && !actorNode.isNull()) {
            if (!actorNode.isString() || !Actors.isKnown(actorNode.getStringValue())) {
                return Requests.badRequest("'actor' must be one of " + Actors.KNOWN);
            }
            actor = Optional.of(actorNode.getStringValue());
        }
        long started = System.nanoTime();
        Answer answer = answers.ask(new Question(questionNode.getStringValue(), language, limit, actor));
        metrics.question("api", answer.found(), Duration.ofNanos(System.nanoTime() - started));
        if (!answer.found()) {
            feedback.record(new FeedbackRecord(Instant.now(), FeedbackRecord.Kind.UNANSWERED, answer.question(), "api", "", List.of()));
        }
        return HttpResponse.ok(answer);
    }
}
