package bhr.assistant.whatsapp;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The one Graph API call the channel makes: POST {WHATSAPP_API_URL}/{phone number id}/messages with the access
 * token as Bearer, for messages and read receipts alike. The JDK's HTTP client, so no library is added for it.
 */
final class GraphApi {

    private final URI endpoint;
    private final String authorization;
    private final JsonMapper json;
    private final HttpClient http;

    GraphApi(URI endpoint, String accessToken, JsonMapper json) {
        this.endpoint = endpoint;
        this.authorization = "Bearer " + accessToken.strip();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Posts the payload and returns once Meta took it.
     *
     * @throws GraphApiException Meta refused it (its error code and title, and any Retry-After)
     * @throws IOException       the call did not get an answer (refused, reset, timed out)
     */
    void post(Map<String, Object> payload) throws GraphApiException, IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 == 2) {
            return;
        }
        throw error(response);
    }

    private GraphApiException error(HttpResponse<byte[]> response) {
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(GraphApi::seconds).orElse(null);
        int code = 0;
        String title = "";
        try {
            GraphErrorResponse parsed = json.readValue(response.body(), GraphErrorResponse.class);
            if (parsed != null && parsed.error() != null) {
                code = parsed.error().code() == null ? 0 : parsed.error().code();
                title = parsed.error().message() == null ? "" : parsed.error().message();
            }
        } catch (IOException | RuntimeException e) {
            title = "unreadable error body";
        }
        return new GraphApiException(response.statusCode(), code, title, retryAfter);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an HTTP date: rare from Meta, and the backoff covers it
        }
    }

    /** Meta's error envelope: {"error": {"message", "type", "code", "error_data": {"details"}, "fbtrace_id"}}. */
    @Serdeable
    record GraphErrorResponse(@Nullable GraphError error) {
    }

    @Serdeable
    record GraphError(@Nullable String message, @Nullable Integer code, @Nullable @JsonProperty("fbtrace_id") String traceId) {
    }
}
