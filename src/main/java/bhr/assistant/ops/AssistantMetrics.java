package bhr.assistant.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The service's own Prometheus metrics (at /prometheus, beside the framework's HTTP and JVM metrics): questions
 * by channel and outcome (found / not found, so the found ratio is a query away), answer latency, Telegram
 * updates and errors, WhatsApp messages and errors, and reindex duration.
 */
@Singleton
public class AssistantMetrics {

    private final MeterRegistry registry;
    private final Counter telegramUpdates;
    private final Counter telegramErrors;
    private final Counter whatsappMessages;
    private final Counter whatsappErrors;
    private final Timer reindex;

    public AssistantMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.telegramUpdates = Counter.builder("bhr.telegram.updates").description("Telegram updates received").register(registry);
        this.telegramErrors = Counter.builder("bhr.telegram.errors").description("Telegram updates that failed").register(registry);
        this.whatsappMessages = Counter.builder("bhr.whatsapp.messages").description("WhatsApp messages received from users").register(registry);
        this.whatsappErrors = Counter.builder("bhr.whatsapp.errors").description("WhatsApp messages that failed").register(registry);
        this.reindex = Timer.builder("bhr.reindex").description("Knowledge-base rebuilds").register(registry);
    }

    public void question(String channel, boolean found, Duration took) {
        Counter.builder("bhr.questions").description("Questions answered, by channel and outcome")
                .tag("channel", channel).tag("found", String.valueOf(found)).register(registry).increment();
        Timer.builder("bhr.answer.latency").description("Time to answer a question").tag("channel", channel)
                .publishPercentileHistogram().register(registry).record(took);
    }

    public void telegramUpdate() {
        telegramUpdates.increment();
    }

    public void telegramError() {
        telegramErrors.increment();
    }

    public void whatsappMessage() {
        whatsappMessages.increment();
    }

    public void whatsappError() {
        whatsappErrors.increment();
    }

    public void reindexed(Duration took) {
        reindex.record(took);
    }
}
