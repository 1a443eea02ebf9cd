package bhr.assistant;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** What the fake APIs on 127.0.0.1 (Telegram's Bot API, Meta's Graph API) share. */
public final class FakeHttp {

    private FakeHttp() {
    }

    /** Answers the exchange with a JSON body. */
    public static void respondJson(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
