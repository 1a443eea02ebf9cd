package bhr.assistant.http;

import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Optional;

/** GET /health: UP once a knowledge base is indexed and served, 503 DOWN before. */
@Controller("/health")
class HealthController {

    private final KnowledgeIndex index;

    HealthController(KnowledgeIndex index) {
        this.index = index;
    }

    @Serdeable
    record Health(String status, Long knowledgeBaseVersion, Integer documents, Integer passages) {
    }

    @Get
    HttpResponse<Health> health() {
        Optional<IndexSnapshot.KnowledgeBaseVersion> version = index.version();
        if (version.isEmpty()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN", null, null, null));
        }
        IndexSnapshot.KnowledgeBaseVersion v = version.get();
        return HttpResponse.ok(new Health("UP", v.number(), v.documents(), v.passages()));
    }
}
