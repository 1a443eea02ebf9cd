package bhr.assistant.whatsapp;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The WhatsApp channel's settings (CONTRACT.md): WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID to send,
 * WHATSAPP_APP_SECRET to check each webhook call's signature, WHATSAPP_VERIFY_TOKEN for Meta's subscription
 * handshake, WHATSAPP_API_URL for the Graph API (with its version), and tuning that operators rarely touch.
 *
 * @param questionsPerMinute per-user limit on questions, as in Telegram; beyond it the user gets a polite message
 * @param workerThreads      threads that answer (each user's messages in order, users in parallel)
 * @param sendThreads        threads that send: a call to Meta waits on the network, not the processor
 * @param sendRetrySeconds   how long a reply keeps being retried while the Graph API fails (5xx, network errors)
 */
@ConfigurationProperties("whatsapp")
public record WhatsAppConfig(
        @Nullable String accessToken,
        @Nullable String phoneNumberId,
        @Nullable String appSecret,
        @Nullable String verifyToken,
        @Bindable(defaultValue = "https://graph.facebook.com/v23.0") String apiUrl,
        @Bindable(defaultValue = "10") int questionsPerMinute,
        @Bindable(defaultValue = "4") int workerThreads,
        @Bindable(defaultValue = "8") int sendThreads,
        @Bindable(defaultValue = "90") int sendRetrySeconds) {

    /** True when any of the four settings is given: the operator wants WhatsApp (and must give all four). */
    public boolean requested() {
        return given(accessToken) || given(phoneNumberId) || given(appSecret) || given(verifyToken);
    }

    /** Every reason the settings cannot run the channel, for the log; empty when they can. Never names a secret's value. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!given(accessToken)) {
            problems.add("WHATSAPP_ACCESS_TOKEN is not set");
        }
        if (!given(phoneNumberId)) {
            problems.add("WHATSAPP_PHONE_NUMBER_ID is not set");
        } else if (!phoneNumberId.strip().matches("[0-9]{1,30}")) {
            problems.add("WHATSAPP_PHONE_NUMBER_ID must be the number's id from Meta (digits), not '" + phoneNumberId + "'");
        }
        if (!given(appSecret)) {
            problems.add("WHATSAPP_APP_SECRET is not set (every webhook call's signature is checked with it)");
        }
        if (!given(verifyToken)) {
            problems.add("WHATSAPP_VERIFY_TOKEN is not set (Meta's webhook handshake needs it)");
        }
        if (apiBase() == null) {
            problems.add("WHATSAPP_API_URL is not an http(s) URL: '" + apiUrl + "'");
        }
        return problems;
    }

    /** {WHATSAPP_API_URL}/{phone number id}/messages, where every message and read receipt is posted. */
    URI messagesEndpoint() {
        return URI.create(apiBase() + "/" + phoneNumberId.strip() + "/messages");
    }

    /** WHATSAPP_API_URL without a trailing slash; null when it is not an http(s) URL. */
    private URI apiBase() {
        try {
            URI base = new URI(apiUrl.strip().replaceAll("/+$", ""));
            String scheme = base.getScheme();
            return base.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) ? base : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
