package bhr.assistant.whatsapp;

import bhr.assistant.chat.DeliveryLog;
import bhr.assistant.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The WhatsApp Cloud API webhook.
 * <ul>
 *   <li>GET: Meta's subscription handshake. With {@code hub.mode=subscribe} and the verify token (compared in
 *       constant time) it echoes {@code hub.challenge}; otherwise 403.</li>
 *   <li>POST: notifications. The signature ({@code X-Hub-Signature-256}, HMAC-SHA256 of the raw body with the app
 *       secret) is checked first: 401 without a matching one. Then the users' messages are read ({@code entry ->
 *       changes -> value.messages}; status callbacks are dropped), each message id is taken once ({@link
 *       DeliveryLog}: Meta retries a call it got no 200 for), and the call returns 200 at once: answering happens on
 *       the bot's workers, so Meta rarely times out and redelivers.</li>
 * </ul>
 */
@Controller("/whatsapp")
class WhatsAppWebhookController {

    /** Meta's challenge is a number; anything else is not echoed back. */
    private static final Pattern CHALLENGE = Pattern.compile("[0-9A-Za-z_.-]{1,256}");

    private final WhatsAppService whatsapp;
    private final DeliveryLog deliveries;
    private final JsonMapper json;

    WhatsAppWebhookController(WhatsAppService whatsapp, DeliveryLog deliveries, JsonMapper json) {
        this.whatsapp = whatsapp;
        this.deliveries = deliveries;
        this.json = json;
    }

    @Get(uri = "/webhook", produces = MediaType.TEXT_PLAIN)
    HttpResponse<?> verify(@Nullable @QueryValue("hub.mode") String mode, @Nullable @QueryValue("hub.verify_token") String token,
                           @Nullable @QueryValue("hub.challenge") String challenge) {
        if (!whatsapp.enabled()) {
            return HttpResponse.notFound("the WhatsApp webhook is not enabled");
        }
        if (!"subscribe".equals(mode) || !WebhookSignature.sameSecret(token, whatsapp.config().verifyToken())) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body("wrong mode or verify token");
        }
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            return HttpResponse.badRequest("hub.challenge is missing or malformed");
        }
        return HttpResponse.ok(challenge);
    }

    /** Runs off the event loop: the delivery log may be a database (PostgreSQL, with several replicas). */
    @Post(uri = "/webhook", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> receive(@Nullable @Header(WebhookSignature.HEADER) String signature, @Nullable @Body byte[] body) {
        Optional<WhatsAppBot> bot = whatsapp.bot();
        if (bot.isEmpty()) {
            return HttpResponse.notFound(new ApiError("the WhatsApp webhook is not enabled"));
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!whatsapp.signature().matches(signature, raw)) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new ApiError("missing or wrong X-Hub-Signature-256"));
        }
        WebhookNotification notification;
        try {
            notification = json.readValue(raw, WebhookNotification.class);
        } catch (Exception e) {
            return HttpResponse.badRequest(new ApiError("the body is not a WhatsApp webhook notification"));
        }
        List<IncomingMessage> messages = notification == null ? List.of() : notification.messagesTo(whatsapp.config().phoneNumberId().strip());
        for (IncomingMessage message : messages) {
            if (deliveries.firstDelivery("whatsapp:" + message.id())) {
                bot.get().dispatch(message);
            }
        }
        return HttpResponse.ok(Map.of("ok", true));
    }
}
