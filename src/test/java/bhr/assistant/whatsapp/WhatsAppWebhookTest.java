package bhr.assistant.whatsapp;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook as Meta calls it: the subscription handshake, signed and unsigned notifications, retries, status
 * callbacks, and messages it must not answer. Replies go to a fake Graph API on 127.0.0.1; each test uses its own
 * numbers, so the calls it checks are its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhatsAppWebhookTest implements TestPropertyProvider {

    static final String APP_SECRET = "app-secret-for-tests";
    static final String VERIFY_TOKEN = "verify-token-123";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private FakeGraphApi api;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        try {
            api = new FakeGraphApi();
            return settings(api, Files.createTempDirectory("bhr-whatsapp").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> settings(FakeGraphApi api, String dataDir) {
        return Map.of(
                "whatsapp.access-token", FakeGraphApi.TOKEN,
                "whatsapp.phone-number-id", FakeGraphApi.PHONE_NUMBER_ID,
                "whatsapp.app-secret", APP_SECRET,
                "whatsapp.verify-token", VERIFY_TOKEN,
                "whatsapp.api-url", api.url(),
                "data.dir", dataDir);
    }

    @AfterAll
    void stopApi() {
        api.close();
    }

    @Test
    void the_handshake_echoes_the_challenge_for_the_right_verify_token() {
        String echoed = client.toBlocking().retrieve(HttpRequest.GET(
                "/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444"));
        assertEquals("1158201444", echoed);
    }

    @Test
    void the_handshake_with_a_wrong_token_or_mode_is_refused_with_403() {
        for (String query : List.of("hub.mode=subscribe&hub.verify_token=verify-token-124&hub.challenge=1",
                "hub.mode=subscribe&hub.challenge=1", "hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1")) {
            assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.GET("/whatsapp/webhook?" + query)), query);
        }
    }

    @Test
    void an_unsigned_or_forged_notification_is_refused_with_401_and_not_answered() throws Exception {
        String body = WebhookPayloads.text("6281100000001", "Apa itu PRISMA?");
        assertEquals(HttpStatus.UNAUTHORIZED, post(body, null));
        assertEquals(HttpStatus.UNAUTHORIZED, post(body, WebhookPayloads.signature("another-apps-secret", body)), "signed with another secret");
        assertEquals(HttpStatus.UNAUTHORIZED, post(body.replace("PRISMA", "RANHAM"), WebhookPayloads.signature(APP_SECRET, body)), "body changed after signing");
        assertEquals(HttpStatus.UNAUTHORIZED, post(body, "sha256=" + "0".repeat(64)));
        assertEquals(HttpStatus.UNAUTHORIZED, post(body, WebhookPayloads.signature(APP_SECRET, body).replace("sha256=", "sha1=")));

        Thread.sleep(1000); // time for a wrongly accepted message to be answered
        assertTrue(api.attemptsTo("6281100000001").isEmpty(), "nothing is sent for a refused notification");
        assertTrue(api.calls().stream().noneMatch(call -> call.body().toString().contains("6281100000001")));
    }

    @Test
    void a_signed_message_is_acknowledged_at_once_and_answered_with_citations() throws Exception {
        api.delayNextTo("6281100000002", Duration.ofSeconds(3)); // a slow Graph API must not hold the webhook
        String body = WebhookPayloads.text("6281100000002", "Apa itu PRISMA?");

        long started = System.nanoTime();
        assertEquals(HttpStatus.OK, post(body, WebhookPayloads.signature(APP_SECRET, body)));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(tookMillis < 2500, "acknowledged in " + tookMillis + " ms, before the reply was taken");
        List<FakeGraphApi.Call> replies = api.awaitMessagesTo("6281100000002", 1, WAIT);
        String all = String.join("\n", replies.stream().map(FakeGraphApi.Call::text).toList());
        assertTrue(all.contains("[1]") && all.contains("https://"), all);
    }

    @Test
    void a_message_delivered_twice_is_answered_once() throws Exception {
        String body = WebhookPayloads.text("6281100000003", "Apa itu Stranas BHAM?");
        String signature = WebhookPayloads.signature(APP_SECRET, body);

        assertEquals(HttpStatus.OK, post(body, signature));
        int answered = api.awaitMessagesTo("6281100000003", 1, WAIT).size();
        assertEquals(HttpStatus.OK, post(body, signature), "a retry is acknowledged");
        Thread.sleep(1500);

        assertEquals(answered, api.messagesTo("6281100000003").size(), "the retry is not answered again");
    }

    @Test
    void status_callbacks_are_acknowledged_and_get_no_reply() throws Exception {
        String body = WebhookPayloads.statuses("6281100000004");
        assertEquals(HttpStatus.OK, post(body, WebhookPayloads.signature(APP_SECRET, body)));
        Thread.sleep(1000);
        assertTrue(api.calls().stream().noneMatch(call -> call.body().toString().contains("6281100000004")));
    }

    @Test
    void a_message_to_another_number_of_the_same_app_is_not_answered_from_this_one() throws Exception {
        String body = WebhookPayloads.notification("999999999999999", "6281100000005",
                "{\"from\":\"6281100000005\",\"id\":\"" + WebhookPayloads.newMessageId() + "\",\"timestamp\":\""
                        + Instant.now().getEpochSecond() + "\",\"type\":\"text\",\"text\":{\"body\":\"Apa itu PRISMA?\"}}");
        assertEquals(HttpStatus.OK, post(body, WebhookPayloads.signature(APP_SECRET, body)));
        Thread.sleep(1000);
        assertTrue(api.calls().stream().noneMatch(call -> call.body().toString().contains("6281100000005")));
    }

    @Test
    void a_message_older_than_the_24_hour_window_is_not_answered() throws Exception {
        // Meta redelivers for days after an outage; WhatsApp would refuse a reply after 24 hours anyway.
        String old = WebhookPayloads.notification(FakeGraphApi.PHONE_NUMBER_ID, "6281100000006", WebhookPayloads.textMessage(
                "6281100000006", WebhookPayloads.newMessageId(), "Apa itu PRISMA?", Instant.now().minus(Duration.ofHours(25))));
        String recent = WebhookPayloads.notification(FakeGraphApi.PHONE_NUMBER_ID, "6281100000006", WebhookPayloads.textMessage(
                "6281100000006", WebhookPayloads.newMessageId(), "Apa itu RANHAM?", Instant.now().minus(Duration.ofHours(23))));

        assertEquals(HttpStatus.OK, post(old, WebhookPayloads.signature(APP_SECRET, old)));
        assertEquals(HttpStatus.OK, post(recent, WebhookPayloads.signature(APP_SECRET, recent)));

        List<FakeGraphApi.Call> replies = api.awaitMessagesTo("6281100000006", 1, WAIT);
        Thread.sleep(1000);
        String all = String.join("\n", api.messagesTo("6281100000006").stream().map(FakeGraphApi.Call::text).toList());
        assertTrue(all.contains("RANHAM") && !all.contains("PRISMA"), all);
        assertTrue(replies.size() >= 1);
    }

    @Test
    void a_signed_body_that_is_not_a_notification_gets_400() {
        String body = "{\"entry\": [";
        assertEquals(HttpStatus.BAD_REQUEST, post(body, WebhookPayloads.signature(APP_SECRET, body)));
    }

    private HttpStatus post(String body, String signature) {
        io.micronaut.http.MutableHttpRequest<String> request = HttpRequest.POST("/whatsapp/webhook", body).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (signature != null) {
            request.header(WebhookSignature.HEADER, signature);
        }
        return status(request);
    }

    private HttpStatus status(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return response.getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }
}
