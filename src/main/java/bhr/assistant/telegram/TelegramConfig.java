package bhr.assistant.telegram;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bot's settings (CONTRACT.md): TELEGRAM_BOT_TOKEN, TELEGRAM_API_URL, TELEGRAM_MODE, TELEGRAM_WEBHOOK_SECRET,
 * TELEGRAM_WEBHOOK_URL, TELEGRAM_ADMIN_IDS, and tuning that operators rarely touch.
 *
 * @param pollTimeoutSeconds how long one getUpdates call waits for news (Telegram allows up to 50)
 * @param questionsPerMinute per-user limit on questions; beyond it the user gets a polite message
 * @param sendRetrySeconds   how long a reply keeps being retried while Telegram fails (5xx, network errors)
 */
@ConfigurationProperties("telegram")
public record TelegramConfig(
        @Nullable String botToken,
        @Bindable(defaultValue = "https://api.telegram.org") String apiUrl,
        @Bindable(defaultValue = "polling") String mode,
        @Nullable String webhookSecret,
        @Nullable String webhookUrl,
        @Bindable(defaultValue = "") String adminIds,
        @Bindable(defaultValue = "50") int pollTimeoutSeconds,
        @Bindable(defaultValue = "10") int questionsPerMinute,
        @Bindable(defaultValue = "4") int workerThreads,
        @Bindable(defaultValue = "90") int sendRetrySeconds) {

    static final Set<String> MODES = Set.of("polling", "webhook");

    public boolean enabled() {
        return botToken != null && !botToken.isBlank();
    }

    public boolean webhookMode() {
        return "webhook".equalsIgnoreCase(mode.strip());
    }

    /** Every reason the settings cannot run a bot, for the log; empty when they can. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!MODES.contains(mode.strip().toLowerCase())) {
            problems.add("TELEGRAM_MODE must be 'polling' or 'webhook', not '" + mode + "'");
        }
        if (apiEndpoint().isEmpty()) {
            problems.add("TELEGRAM_API_URL is not an http(s) URL: '" + apiUrl + "'");
        }
        if (webhookMode() && (webhookSecret == null || webhookSecret.isBlank())) {
            problems.add("webhook mode needs TELEGRAM_WEBHOOK_SECRET");
        }
        if (webhookUrl != null && !webhookUrl.isBlank() && !webhookUrl.startsWith("https://")) {
            problems.add("TELEGRAM_WEBHOOK_URL must be an https URL");
        }
        return problems;
    }

    /** Scheme, host and port of the Bot API, as TelegramBots' TelegramUrl takes them. */
    public Optional<ApiEndpoint> apiEndpoint() {
        try {
            URI uri = new URI(apiUrl.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return Optional.empty();
            }
            int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(scheme) ? 443 : 80);
            return Optional.of(new ApiEndpoint(scheme.toLowerCase(), uri.getHost(), port));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /**
     * The delivery log's id of an update: update ids count per bot, so the bot's own id (the token's first part)
     * keeps two bots' ids apart in a shared log.
     */
    public String deliveryId(int updateId) {
        String token = botToken == null ? "" : botToken;
        return "telegram:" + token.substring(0, Math.max(0, token.indexOf(':'))) + ":" + updateId;
    }

    /** Telegram user ids allowed to run admin commands. */
    public Set<Long> adminIdSet() {
        Set<Long> ids = new java.util.HashSet<>();
        for (String part : adminIds.split(",")) {
            try {
                if (!part.isBlank()) {
                    ids.add(Long.parseLong(part.strip()));
                }
            } catch (NumberFormatException ignored) {
                // a malformed id grants nothing
            }
        }
        return Set.copyOf(ids);
    }

    public record ApiEndpoint(String scheme, String host, int port) {
    }
}
