package bhr.assistant.telegram;

import bhr.assistant.chat.DeliveryLog;
import bhr.assistant.http.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * POST /telegram/webhook: Telegram delivers updates here in webhook mode. The secret header is compared in
 * constant time; the body is parsed into TelegramBots' own Update class and handed to the bot, and the call
 * returns at once (answering happens on the bot's workers), so Telegram rarely times out and redelivers. When it
 * does, the {@link DeliveryLog} knows the update_id and the repeat is acknowledged without being answered again.
 */
@Controller("/telegram")
class TelegramWebhookController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramService telegram;
    private final DeliveryLog deliveries;

    TelegramWebhookController(TelegramService telegram, DeliveryLog deliveries) {
        this.telegram = telegram;
        this.deliveries = deliveries;
    }

    @Post(uri = "/webhook", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String secret, @Nullable @Body String body) {
        Optional<TelegramBot> bot = telegram.webhookBot();
        if (bot.isEmpty()) {
            return HttpResponse.notFound(new ApiError("the Telegram webhook is not enabled"));
        }
        if (!matches(secret, telegram.config().webhookSecret())) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ApiError("wrong or missing secret token"));
        }
        Update update;
        try {
            update = JSON.readValue(body == null ? "" : body, Update.class);
        } catch (Exception e) {
            return HttpResponse.badRequest(new ApiError("the body is not a Telegram update"));
        }
        if (update == null) {
            return HttpResponse.badRequest(new ApiError("the body is not a Telegram update"));
        }
        if (update.getUpdateId() != null && !deliveries.firstDelivery(telegram.config().deliveryId(update.getUpdateId()))) {
            return HttpResponse.ok(java.util.Map.of("ok", true)); // a redelivery: taken already
        }
        bot.get().dispatch(update);
        return HttpResponse.ok(java.util.Map.of("ok", true));
    }

    /** Constant-time comparison, so the time taken does not reveal how much of a guess was right. */
    private static boolean matches(String given, String expected) {
        if (given == null || expected == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
