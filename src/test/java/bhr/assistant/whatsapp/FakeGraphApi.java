package bhr.assistant.whatsapp;

import bhr.assistant.FakeHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WhatsApp Cloud API's messages endpoint on 127.0.0.1 for tests: POST /{version}/{phone number id}/messages.
 * It records every call with the time it arrived, answers as Meta does (a message id for a message, success for a
 * read receipt), and can be told to fail the next calls to one user (429, a Graph error code, 5xx, a reset) or to
 * answer them late.
 */
public final class FakeGraphApi implements AutoCloseable {

    public static final String VERSION = "v23.0";
    public static final String PHONE_NUMBER_ID = "106540352242922";
    public static final String TOKEN = "EAAtest-token";
    /** Matches every recipient. */
    public static final String ANYONE = "*";

    /**
     * @param received when the call arrived (System.nanoTime)
     * @param failed   answered with an injected failure
     */
    public record Call(String path, String authorization, JsonNode body, long received, boolean failed) {

        public String to() {
            return body.path("to").asText();
        }

        public boolean isRead() {
            return "read".equals(body.path("status").asText());
        }

        /** "text", "button" or "list". */
        public String kind() {
            return body.path("type").asText().equals("interactive") ? body.path("interactive").path("type").asText() : body.path("type").asText();
        }

        /** The text a user reads: a text message's body, or an interactive message's body. */
        public String text() {
            return body.path("type").asText().equals("text") ? body.path("text").path("body").asText()
                    : body.path("interactive").path("body").path("text").asText();
        }

        /** Ids of the reply buttons, or of the list's rows. */
        public List<String> choiceIds() {
            List<String> ids = new ArrayList<>();
            body.path("interactive").path("action").path("buttons").forEach(button -> ids.add(button.path("reply").path("id").asText()));
            body.path("interactive").path("action").path("sections").forEach(section ->
                    section.path("rows").forEach(row -> ids.add(row.path("id").asText())));
            return ids;
        }

        /** Titles of the reply buttons, or of the list's rows. */
        public List<String> choiceTitles() {
            List<String> titles = new ArrayList<>();
            body.path("interactive").path("action").path("buttons").forEach(button -> titles.add(button.path("reply").path("title").asText()));
            body.path("interactive").path("action").path("sections").forEach(section ->
                    section.path("rows").forEach(row -> titles.add(row.path("title").asText())));
            return titles;
        }
    }

    /** status 0: close the connection without answering (a reset). */
    private record Failure(String to, int status, String body) {
    }

    private record Delay(String to, Duration delay) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Deque<Delay> delays = new ArrayDeque<>();
    private final AtomicInteger messageIds = new AtomicInteger(1);
    private volatile java.util.function.Consumer<Call> listener = call -> { };

    public FakeGraphApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL with the version, as WHATSAPP_API_URL takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + VERSION;
    }

    /** The next {@code times} messages to the user (or {@link #ANYONE}) fail so; read receipts are not touched. */
    public synchronized void failNextTo(String to, int times, int status, String body) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(to, status, body));
        }
    }

    /** The next message to the user is answered only after the delay (a slow Graph API). */
    public synchronized void delayNextTo(String to, Duration delay) {
        delays.add(new Delay(to, delay));
    }

    /** A Graph API error as Meta sends it. */
    public static String graphError(int code, String title) {
        return "{\"error\":{\"message\":\"(#" + code + ") " + title + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + title + "\"},\"fbtrace_id\":\"Az8or2yhqkZfEZ\"}}";
    }

    /** Called with every call as it arrives (on the server's thread): for the benchmark, which times replies. */
    public void listen(java.util.function.Consumer<Call> listener) {
        this.listener = listener;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Messages (not read receipts) to the user that were taken, in the order they arrived. */
    public synchronized List<Call> messagesTo(String to) {
        return calls.stream().filter(call -> !call.isRead() && !call.failed() && call.to().equals(to)).toList();
    }

    /** Every attempt to send the user a message, refused ones included. */
    public synchronized List<Call> attemptsTo(String to) {
        return calls.stream().filter(call -> !call.isRead() && call.to().equals(to)).toList();
    }

    public synchronized List<Call> readReceipts(String messageId) {
        return calls.stream().filter(call -> call.isRead() && call.body().path("message_id").asText().equals(messageId)).toList();
    }

    /** Waits until at least {@code count} messages to the user were taken, and returns them. */
    public List<Call> awaitMessagesTo(String to, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (messagesTo(to).size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " messages to " + to + ", got " + messagesTo(to).size() + ": "
                            + messagesTo(to).stream().map(Call::text).toList());
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return messagesTo(to);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long received = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"POST".equals(exchange.getRequestMethod()) || !path.equals("/" + VERSION + "/" + PHONE_NUMBER_ID + "/messages")) {
                FakeHttp.respondJson(exchange, 404, graphError(100, "Unknown path components"));
                return;
            }
            if (!("Bearer " + TOKEN).equals(authorization)) {
                FakeHttp.respondJson(exchange, 401, graphError(190, "Invalid OAuth access token"));
                return;
            }
            boolean read = "read".equals(body.path("status").asText());
            String to = body.path("to").asText();
            Failure failure = read ? null : take(failures, to);
            Delay delay = read ? null : takeDelay(to);
            if (delay != null) {
                sleep(delay.delay());
            }
            record(new Call(path, authorization, body, received, failure != null));
            if (failure != null) {
                if (failure.status() == 0) {
                    exchange.getResponseBody().close(); // no answer: the connection just ends
                    return;
                }
                FakeHttp.respondJson(exchange, failure.status(), failure.body());
                return;
            }
            FakeHttp.respondJson(exchange, 200, read ? "{\"success\":true}"
                    : "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\"" + to
                    + "\"}],\"messages\":[{\"id\":\"wamid.fake" + messageIds.getAndIncrement() + "\"}]}");
        } catch (IOException | RuntimeException e) {
            FakeHttp.respondJson(exchange, 400, graphError(100, "Invalid parameter"));
        }
    }

    private synchronized Failure take(Deque<Failure> queue, String to) {
        for (Failure failure : queue) {
            if (failure.to().equals(ANYONE) || failure.to().equals(to)) {
                queue.remove(failure);
                return failure;
            }
        }
        return null;
    }

    private synchronized Delay takeDelay(String to) {
        for (Delay delay : delays) {
            if (delay.to().equals(ANYONE) || delay.to().equals(to)) {
                delays.remove(delay);
                return delay;
            }
        }
        return null;
    }

    private void record(Call call) {
        synchronized (this) {
            calls.add(call);
            notifyAll();
        }
        listener.accept(call);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
