package bhr.assistant.http;

import bhr.assistant.index.IndexSnapshot;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.telegram.TelegramService;
import bhr.assistant.update.KnowledgeBaseUpdater;
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
    private final KnowledgeBaseUpdater updater;

    HealthController(KnowledgeIndex index, TelegramService telegram, KnowledgeBaseUpdater updater) {
        this.index = index;
        this.telegram = telegram;
        this.updater = updater;
    }

    /**
     * @param revision the store's manifest revision this replica serves (replicas serving the same revision serve
     *                 the same admin changes)
     * @param telegram "off" (no token), "connecting" (Telegram not reached yet), "connected", or "standby" (another
     *                 replica polls)
     */
    @Serdeable
    record Health(String status, Long knowledgeBaseVersion, String contentHash, Integer documents, Integer passages, Long revision,
                  String telegram) {
    }

    @Get
    HttpResponse<Health> health() {
        String bot = telegram.botState();
        Optional<IndexSnapshot.KnowledgeBaseVersion> version = index.version();
        if (version.isEmpty()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("DOWN", null, null, null, null, null, bot));
        }
        IndexSnapshot.KnowledgeBaseVersion v = version.get();
        return HttpResponse.ok(new Health("UP", v.number(), v.contentHash(), v.documents(), v.passages(), updater.servedRevision(), bot));
    }
}
