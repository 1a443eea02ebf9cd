package bhr.assistant.whatsapp;

import bhr.assistant.answer.AnswerService;
import bhr.assistant.chat.AnswerMemory;
import bhr.assistant.chat.QuestionQuota;
import bhr.assistant.chat.VoteBook;
import bhr.assistant.feedback.FeedbackStore;
import bhr.assistant.index.KnowledgeIndex;
import bhr.assistant.ops.AssistantMetrics;
import bhr.assistant.search.PassageRetriever;
import bhr.assistant.store.UserIdHasher;
import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs the WhatsApp channel inside the service when its settings are given ({@link WhatsAppConfig}); without them
 * the service runs without it, and /whatsapp/webhook answers 404. Nothing is called at start-up: the Cloud API
 * needs no registration from here (the webhook is set up in Meta's app dashboard), and the channel only ever
 * answers messages users send. Made at start-up ({@code @Context}), so the log says at once whether it runs.
 */
@Context
public class WhatsAppService {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppService.class);

    private final WhatsAppConfig config;
    private final WhatsAppBot bot;
    private final WebhookSignature signature;

    public WhatsAppService(WhatsAppConfig config, AnswerService answers, PassageRetriever retriever, KnowledgeIndex index,
                           FeedbackStore feedback, UserIdHasher hasher, QuestionQuota quota, AnswerMemory memory, VoteBook votes,
                           AssistantMetrics metrics, JsonMapper json) {
        this.config = config;
        List<String> problems = config.requested() ? config.problems() : List.of();
        if (!config.requested()) {
            LOG.info("WhatsApp off: WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN are not set");
            this.bot = null;
            this.signature = null;
        } else if (!problems.isEmpty()) {
            problems.forEach(problem -> LOG.error("WhatsApp not started: {}", problem));
            this.bot = null;
            this.signature = null;
        } else {
            GraphApi api = new GraphApi(config.messagesEndpoint(), config.accessToken(), json);
            WhatsAppOutbox outbox = new WhatsAppOutbox(api, config.sendThreads(),
                    WhatsAppOutbox.Timing.standard(Duration.ofSeconds(Math.max(1, config.sendRetrySeconds()))), Clock.systemUTC());
            this.bot = new WhatsAppBot(outbox, answers, retriever, index, feedback, hasher, quota, memory, votes, metrics, config, Clock.systemUTC());
            this.signature = new WebhookSignature(config.appSecret());
            LOG.info("WhatsApp on: phone number id {}, Graph API {}", config.phoneNumberId(), config.apiUrl());
        }
    }

    /** True when the channel runs: every setting given and valid. */
    public boolean enabled() {
        return bot != null;
    }

    Optional<WhatsAppBot> bot() {
        return Optional.ofNullable(bot);
    }

    WebhookSignature signature() {
        return signature;
    }

    WhatsAppConfig config() {
        return config;
    }

    @PreDestroy
    void close() {
        if (bot != null) {
            bot.close();
        }
    }
}
