package bhr.assistant.http;

import bhr.assistant.kb.Actors;
import bhr.assistant.search.PassageHit;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.search.SearchRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;

/** GET /api/search: the ranked passages themselves, for people who want to read rather than be answered. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class SearchController {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    private final PassageRetriever retriever;

    SearchController(PassageRetriever retriever) {
        this.retriever = retriever;
    }

    @Serdeable
    record SearchHit(String documentId, String passageId, String title, String section, String url, String text,
                     double score, String status, List<String> actors, List<SourceView> sources, String asOf) {
    }

    @Serdeable
    record SearchResponse(List<SearchHit> hits) {
    }

    @Get("/search")
    HttpResponse<?> search(@Nullable @QueryValue String q, @Nullable @QueryValue String limit, @Nullable @QueryValue String actor) {
        Optional<String> problem = Requests.questionProblem(q);
        if (problem.isPresent()) {
            return Requests.badRequest(problem.get().replace("question", "query 'q'"));
        }
        Optional<Integer> parsedLimit = Requests.boundedInt(limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (parsedLimit.isEmpty()) {
            return Requests.badRequest("'limit' must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (!Requests.isValidActor(actor)) {
            return Requests.badRequest("'actor' must be one of " + Actors.KNOWN);
        }
        Optional<String> actorFilter = actor == null || actor.isBlank() ? Optional.empty() : Optional.of(actor);
        List<SearchHit> hits = retriever.retrieve(new SearchRequest(q, parsedLimit.get(), actorFilter, false)).hits().stream()
                .map(SearchController::toHit)
                .toList();
        return HttpResponse.ok(new SearchResponse(hits));
    }

    private static SearchHit toHit(PassageHit hit) {
        return new SearchHit(hit.document().id(), hit.passage().id(), hit.document().title(), hit.passage().sectionLabel(),
                hit.document().url(), hit.passage().text(), Math.round(hit.score() * 1000) / 1000.0, hit.document().status(),
                hit.passage().actors(), SourceView.of(hit.passage().sources()), hit.passage().asOf());
    }
}
