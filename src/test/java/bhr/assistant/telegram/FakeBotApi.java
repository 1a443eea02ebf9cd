package bhr.assistant.telegram;

import bhr.assistant.FakeHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Bot API server on 127.0.0.1 for tests: queues updates for getUpdates, records every call with the time it
 * arrived, and can be told to fail the next calls of a method (e.g. 429 with retry_after), or to answer them
 * late, for any chat or for one. The real TelegramBots library talks to it.
 */
final class FakeBotApi implements AutoCloseable {

    static final long BOT_ID = 999;
    static final String BOT_USERNAME = "bhr_test_bot";

    /**
     * @param received when the call arrived (System.nanoTime)
     * @param answered when its answer was sent: later than {@code received} by any delay the test asked for
     */
    record Call(String method, JsonNode body, long received, long answered) {

        long chatId() {
            return body.path("chat_id").asLong();
        }
    }

    /** A chat id that matches every chat. */
    static final long ANY_CHAT = Long.MIN_VALUE;

    /** status 0 means: close the connection without answering (a reset, as a broken proxy does). */
    private record Failure(long chatId, int status, String body) {
    }

    private record Delay(long chatId, Duration delay) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final List<Call> failed = new ArrayList<>();
    private final Deque<JsonNode> updates = new ArrayDeque<>();
    private final List<JsonNode> pushed = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<String, Deque<Delay>> delays = new HashMap<>();
    private final AtomicInteger messageIds = new AtomicInteger(1000);
    private final AtomicInteger updateIds = new AtomicInteger(1);

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an update for getUpdates, giving it the next update_id. */
    void push(String updateJson) {
        try {
            ObjectNode update = (ObjectNode) json.readTree(updateJson);
            update.put("update_id", updateIds.getAndIncrement());
            synchronized (this) {
                updates.add(update);
                pushed.add(update);
                notifyAll();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Queues every update pushed so far again, as Telegram hands a new poller the updates that the last one
     * received but never confirmed (it died before its next getUpdates).
     */
    synchronized void redeliverAll() {
        updates.clear();
        updates.addAll(pushed);
        notifyAll();
    }

    /** The next {@code times} calls of the method fail the same way. */
    synchronized void failNext(String method, int times, int status, String body) {
        for (int i = 0; i < times; i++) {
            failNext(method, status, body);
        }
    }

    synchronized void failNext(String method, int status, String body) {
        failNextTo(ANY_CHAT, method, status, body);
    }

    synchronized void failNextTo(long chatId, String method, int times, int status, String body) {
        for (int i = 0; i < times; i++) {
            failNextTo(chatId, method, status, body);
        }
    }

    /** The next call of the method for this chat fails so; other chats' calls are not touched. */
    synchronized void failNextTo(long chatId, String method, int status, String body) {
        failures.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Failure(chatId, status, body));
    }

    /** The next call of the method for this chat is answered only after the delay (a slow Bot API). */
    synchronized void delayNextTo(long chatId, String method, Duration delay) {
        delays.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Delay(chatId, delay));
    }

    /** A 429 as Telegram sends it. */
    static String tooManyRequests(int retryAfter) {
        return "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfter
                + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}";
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Calls that were answered with an injected failure. */
    synchronized List<Call> failedCalls(String method) {
        return failed.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** Waits until at least {@code count} calls of the method have arrived, then returns them all. */
    List<Call> await(String method, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (calls(method).size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + method + " calls, got " + calls(method).size()
                            + "; all calls: " + calls.stream().map(Call::method).toList());
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return calls(method);
        }
    }

    /** Waits until at least {@code count} calls of the method for the chat have arrived, then returns those. */
    List<Call> awaitTo(long chatId, String method, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (callsTo(chatId, method).size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " " + method + " calls to chat " + chatId + ", got "
                            + callsTo(chatId, method).stream().map(call -> call.body().toString()).toList());
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return callsTo(chatId, method);
        }
    }

    /** Answers to inline queries whose ids start so. */
    synchronized List<Call> inlineAnswers(String idPrefix) {
        return calls("answerInlineQuery").stream().filter(call -> call.body().path("inline_query_id").asText().startsWith(idPrefix)).toList();
    }

    /** Waits for the answer to the inline query with this id. */
    Call awaitInlineAnswer(String queryId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Optional<Call> answer = inlineAnswers(queryId).stream()
                        .filter(call -> call.body().path("inline_query_id").asText().equals(queryId)).findFirst();
                if (answer.isPresent()) {
                    return answer.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("inline query " + queryId + " was never answered");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Waits for the answer to the callback query with this id. */
    Call awaitCallbackAnswer(String callbackId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                Optional<Call> answer = calls("answerCallbackQuery").stream()
                        .filter(call -> call.body().path("callback_query_id").asText().equals(callbackId)).findFirst();
                if (answer.isPresent()) {
                    return answer.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("callback query " + callbackId + " was never answered");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    synchronized List<Call> callsTo(long chatId, String method) {
        return calls(method).stream().filter(call -> call.chatId() == chatId).toList();
    }

    private final Map<String, String> filePaths = new HashMap<>();
    private final Map<String, byte[]> fileContents = new HashMap<>();

    /** Makes a file available through getFile and the file download URL. */
    synchronized void putFile(String fileId, String path, byte[] content) {
        filePaths.put(fileId, path);
        fileContents.put(path, content);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/file/")) {
            String filePath = path.replaceFirst("^/file/bot[^/]+/", "");
            byte[] content;
            synchronized (this) {
                content = fileContents.get(filePath);
            }
            if (content == null) {
                FakeHttp.respondJson(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            } else {
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
            return;
        }
        // TelegramBots spells some methods in lower case (getme); Telegram treats names case-insensitively.
        String method = canonical(path.substring(path.lastIndexOf('/') + 1));
        byte[] requestBytes = exchange.getRequestBody().readAllBytes();
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        JsonNode body = requestBytes.length == 0 ? json.createObjectNode()
                : contentType.startsWith("multipart/") ? multipart(new String(requestBytes, StandardCharsets.UTF_8), contentType)
                : json.readTree(requestBytes);
        Failure failure;
        Delay delay;
        long received = System.nanoTime();
        synchronized (this) {
            long chatId = body.path("chat_id").asLong(Long.MIN_VALUE + 1);
            failure = take(failures.get(method), f -> f.chatId() == ANY_CHAT || f.chatId() == chatId);
            delay = take(delays.get(method), d -> d.chatId() == ANY_CHAT || d.chatId() == chatId);
            long answered = received + (delay == null ? 0 : delay.delay().toNanos());
            if (failure != null) {
                failed.add(new Call(method, body, received, answered));
            } else if (!method.equals("getUpdates")) {
                calls.add(new Call(method, body, received, answered)); // only calls that succeeded: what the user actually received
            }
            notifyAll();
        }
        if (delay != null) {
            try {
                Thread.sleep(delay.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            if (failure.status() == 0) {
                exchange.close();
            } else {
                FakeHttp.respondJson(exchange, failure.status(), failure.body());
            }
            return;
        }
        String result = switch (method) {
            case "getMe" -> "{\"id\":" + BOT_ID + ",\"is_bot\":true,\"first_name\":\"BHR\",\"username\":\"" + BOT_USERNAME + "\"}";
            case "getUpdates" -> updatesAfter(body.path("offset").asInt(0), Math.min(1, body.path("timeout").asInt(0)));
            case "sendMessage" -> "{\"message_id\":" + messageIds.getAndIncrement() + ",\"date\":1700000000,\"chat\":{\"id\":"
                    + body.path("chat_id").asText() + ",\"type\":\"private\"},\"text\":\"ok\"}";
            case "getFile" -> fileResult(body.path("file_id").asText());
            default -> "true";
        };
        FakeHttp.respondJson(exchange, 200, "{\"ok\":true,\"result\":" + result + "}");
    }

    private static <T> T take(Deque<T> pending, java.util.function.Predicate<T> matches) {
        if (pending == null) {
            return null;
        }
        for (java.util.Iterator<T> it = pending.iterator(); it.hasNext(); ) {
            T next = it.next();
            if (matches.test(next)) {
                it.remove();
                return next;
            }
        }
        return null;
    }

    /** The text fields of a multipart/form-data body (TelegramBots sends setWebhook that way). */
    private ObjectNode multipart(String body, String contentType) {
        ObjectNode fields = json.createObjectNode();
        String boundary = "--" + contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(part);
            int valueStart = part.indexOf("\r\n\r\n");
            if (name.find() && valueStart >= 0) {
                fields.put(name.group(1), part.substring(valueStart + 4).replaceAll("\r\n$", ""));
            }
        }
        return fields;
    }

    private synchronized String fileResult(String fileId) {
        String path = filePaths.getOrDefault(fileId, "missing");
        int size = fileContents.containsKey(path) ? fileContents.get(path).length : 0;
        return "{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"u" + fileId + "\",\"file_size\":" + size
                + ",\"file_path\":\"" + path + "\"}";
    }

    private static final List<String> METHODS = List.of("getMe", "getUpdates", "sendMessage", "sendChatAction",
            "answerCallbackQuery", "answerInlineQuery", "setMyCommands", "setWebhook", "deleteWebhook", "getFile",
            "editMessageReplyMarkup");

    private static String canonical(String method) {
        return METHODS.stream().filter(known -> known.equalsIgnoreCase(method)).findFirst().orElse(method);
    }

    private String updatesAfter(int offset, int timeoutSeconds) {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        synchronized (this) {
            updates.removeIf(update -> update.path("update_id").asInt() < offset);
            while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return json.createArrayNode().addAll(List.copyOf(updates)).toString();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ---- update builders

    static String privateText(long userId, String text) {
        return message(userId, userId, "private", text, "id", "");
    }

    static String groupText(long chatId, long userId, String text, String extra) {
        return message(chatId, userId, "supergroup", text, "id", extra);
    }

    static String message(long chatId, long userId, String chatType, String text, String language, String extra) {
        return "{\"message\":{\"message_id\":" + (int) (Math.random() * 100000) + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + chatId + ",\"type\":\"" + chatType + "\"},"
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Uji\",\"language_code\":\"" + language + "\"},"
                + "\"text\":" + quote(text) + ",\"entities\":" + entities(text) + extra + "}}";
    }

    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("(?<![\\w@.])@[A-Za-z][A-Za-z0-9_]{3,31}(?![\\w@])");
    private static final java.util.regex.Pattern COMMAND = java.util.regex.Pattern.compile("(?<![\\w/])/[A-Za-z0-9_]{1,32}(@[A-Za-z][A-Za-z0-9_]{3,31})?(?![\\w@])");

    /**
     * The mention and bot_command entities Telegram's server finds in a text: "@name" not glued to a word before it
     * (so "admin@bhr_test_bot.id" holds none) and taken whole ("@bhr_test_bot_old" is that name, not ours).
     */
    static String entities(String text) {
        List<String> found = new ArrayList<>();
        for (java.util.regex.Pattern pattern : List.of(MENTION, COMMAND)) {
            java.util.regex.Matcher match = pattern.matcher(text);
            while (match.find()) {
                found.add("{\"type\":\"" + (pattern == MENTION ? "mention" : "bot_command") + "\",\"offset\":" + match.start()
                        + ",\"length\":" + (match.end() - match.start()) + "}");
            }
        }
        return "[" + String.join(",", found) + "]";
    }

    /** A private message with its own id; {@code edited} makes it an edited_message (the same id, new text). */
    static String privateText(long userId, int messageId, String text, boolean edited) {
        return "{\"" + (edited ? "edited_message" : "message") + "\":{\"message_id\":" + messageId + ",\"date\":1700000000,"
                + (edited ? "\"edit_date\":1700000100," : "")
                + "\"chat\":{\"id\":" + userId + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Uji\",\"language_code\":\"id\"},"
                + "\"text\":" + quote(text) + "}}";
    }

    static String photo(long userId, String caption) {
        return "{\"message\":{\"message_id\":" + (int) (Math.random() * 100000) + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + userId + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Uji\",\"language_code\":\"id\"},"
                + "\"photo\":[{\"file_id\":\"p1\",\"file_unique_id\":\"up1\",\"width\":90,\"height\":90}],"
                + "\"caption\":" + quote(caption) + "}}";
    }

    static String document(long userId, String fileId, String fileName, String mimeType, String caption) {
        return document(userId, fileId, fileName, mimeType, caption, "id");
    }

    static String document(long userId, String fileId, String fileName, String mimeType, String caption, String language) {
        return "{\"message\":{\"message_id\":" + (int) (Math.random() * 100000) + ",\"date\":1700000000,"
                + "\"chat\":{\"id\":" + userId + ",\"type\":\"private\"},"
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Admin\",\"language_code\":\"" + language + "\"},"
                + "\"document\":{\"file_id\":\"" + fileId + "\",\"file_unique_id\":\"u" + fileId + "\",\"file_name\":\"" + fileName
                + "\",\"mime_type\":\"" + mimeType + "\"},\"caption\":" + quote(caption) + "}}";
    }

    static String callback(long chatId, long userId, String data) {
        return callback("cb" + (int) (Math.random() * 100000), chatId, userId, data);
    }

    static String callback(String id, long chatId, long userId, String data) {
        return callback(id, chatId, userId, data, "id");
    }

    static String callback(String id, long chatId, long userId, String data, String language) {
        return "{\"callback_query\":{\"id\":" + quote(id) + ",\"chat_instance\":\"1\","
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Uji\",\"language_code\":\"" + language + "\"},"
                + "\"message\":{\"message_id\":5,\"date\":1700000000,\"chat\":{\"id\":" + chatId + ",\"type\":\""
                + (chatId < 0 ? "supergroup" : "private") + "\"},\"text\":\"x\"},"
                + "\"data\":" + quote(data) + "}}";
    }

    static String inlineQuery(long userId, String query) {
        return inlineQuery("iq" + (int) (Math.random() * 100000), userId, query);
    }

    static String inlineQuery(String id, long userId, String query) {
        return "{\"inline_query\":{\"id\":" + quote(id) + ",\"offset\":\"\",\"query\":" + quote(query) + ","
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Uji\",\"language_code\":\"id\"}}}";
    }

    /** What Telegram sends when the user picks an inline result (inline feedback on in @BotFather). */
    static String chosenInlineResult(long userId, String resultId, String query) {
        return "{\"chosen_inline_result\":{\"result_id\":" + quote(resultId) + ",\"query\":" + quote(query) + ","
                + "\"from\":{\"id\":" + userId + ",\"is_bot\":false,\"first_name\":\"Uji\",\"language_code\":\"id\"}}}";
    }

    static String quote(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
