package bhr.assistant.http;

import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.telegram.TelegramService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Optional;

/** GET /health: UP once a knowledge base is indexed and served (503 DOWN before), with its version and the bot's state. */
@Controller("/health")
class HealthController {

    private final KnowledgeIndex index;
    private final TelegramService telegram;

    HealthController(KnowledgeIndex index, TelegramService telegram) {
        this.index = index;
        this.telegram = telegram;
    }

    /**
     * @param telegram "off" (no token), "connecting" (Telegram not reached yet) or "connected"
     */
    @Serdeable
    record Health(String status, Long knowledgeBaseVersion, String contentHash, Integer documents, Integer passages, String telegram) {
    }

    @Get
    HttpResponse<Health> health() {
        String bot = telegram.enabled() ? (telegram.connected() ? "connected" : "connecting") : "off";
        Optional<IndexSnapshot.KnowledgeBaseVersion> version = index.version();
        if (version.isEmpty()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN", null, null, null, null, bot));
        }
        IndexSnapshot.KnowledgeBaseVersion v = version.get();
        return HttpResponse.ok(new Health("UP", v.number(), v.contentHash(), v.documents(), v.passages(), bot));
    }
}
