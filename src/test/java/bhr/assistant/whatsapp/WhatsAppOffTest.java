package bhr.assistant.whatsapp;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without its settings the service runs without WhatsApp: the webhook is not there. */
@MicronautTest
class WhatsAppOffTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    WhatsAppService whatsapp;

    @Test
    void unset_means_no_whatsapp_and_the_webhook_answers_404() {
        assertFalse(whatsapp.enabled());
        HttpClientResponseException get = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.GET("/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1")));
        assertEquals(HttpStatus.NOT_FOUND, get.getStatus());
        String body = WebhookPayloads.text("6281400000001", "Apa itu PRISMA?");
        HttpClientResponseException post = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
                HttpRequest.POST("/whatsapp/webhook", body).contentType(MediaType.APPLICATION_JSON_TYPE)
                        .header(WebhookSignature.HEADER, WebhookPayloads.signature("any", body))));
        assertEquals(HttpStatus.NOT_FOUND, post.getStatus());
    }
}
