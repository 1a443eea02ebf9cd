package bhr.assistant.bench;

import bhr.assistant.FakeHttp;
import bhr.assistant.TestFiles;
import bhr.assistant.eval.Corpora;
import bhr.assistant.eval.EvalQuestion;
import bhr.assistant.whatsapp.FakeGraphApi;
import bhr.assistant.whatsapp.WebhookPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Answer latency in the two chat channels, side by side, on the jar run as the README says with both channels in
 * webhook mode: Telegram against a Bot API on 127.0.0.1, WhatsApp against a Cloud API on 127.0.0.1. A latency runs
 * from the webhook POST leaving the client to the reply's last message (the one with its buttons or list) reaching
 * the fake API: webhook, dedupe, the user's queue, typing action or read receipt, the answer, rendering, the outbox
 * and the send. The answer cache is off, so every question is worked out; first the 233 evaluation questions one
 * at a time, then 200 users asking at once.
 */
final class ChatLatency {

    private static final String TELEGRAM_SECRET = "bench-secret";
    private static final String APP_SECRET = "bench-app-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BURST_USERS = 200;

    private ChatLatency() {
    }

    static void measure(StringBuilder table, BiConsumer<String, String> row) throws Exception {
        List<String> questions = Corpora.bhrQuestions().stream().map(EvalQuestion::question).toList();
        FakeGraphApi graph = new FakeGraphApi();
        LoopbackBotApi botApi = new LoopbackBotApi();
        Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
        graph.listen(call -> {
            if (!call.isRead() && !call.failed() && !call.kind().equals("text")) {
                complete(waiting, "whatsapp:" + call.to(), call.received());
            }
        });
        botApi.onAnswer = (chatId, received) -> complete(waiting, "telegram:" + chatId, received);
        int port = LoadDriver.freePort();
        Path data = Files.createTempDirectory("bhr-bench-chat");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(32)).build();
        String base = "http://127.0.0.1:" + port;
        Process service = LoadDriver.startService(port, data, "", false, Map.of(
                "TELEGRAM_BOT_TOKEN", "123:BENCH", "TELEGRAM_API_URL", botApi.url(), "TELEGRAM_MODE", "webhook",
                "TELEGRAM_WEBHOOK_SECRET", TELEGRAM_SECRET,
                "WHATSAPP_ACCESS_TOKEN", FakeGraphApi.TOKEN, "WHATSAPP_PHONE_NUMBER_ID", FakeGraphApi.PHONE_NUMBER_ID,
                "WHATSAPP_APP_SECRET", APP_SECRET, "WHATSAPP_VERIFY_TOKEN", "bench-verify", "WHATSAPP_API_URL", graph.url()));
        try {
            LoadDriver.awaitReady(client, base, System.nanoTime());
            awaitTelegramConnected(client, base);
            AtomicInteger users = new AtomicInteger(1);
            for (int pass = 0; pass < 3; pass++) { // the JIT compiles the answer path in the first passes
                oneAtATime(client, base, questions, users, waiting);
            }
            Latencies sequential = oneAtATime(client, base, questions, users, waiting);
            row.accept("Telegram answer over a fake Bot API (webhook to the sendMessage with its buttons), " + questions.size()
                    + " questions one at a time, answer cache off", sequential.telegram().describe());
            row.accept("WhatsApp answer over a fake Cloud API (webhook to the message with its buttons or list), " + questions.size()
                    + " questions one at a time, answer cache off", sequential.whatsapp().describe());
            burst(client, base, questions, users, waiting); // warm the burst path once
            Latencies burst = burst(client, base, questions, users, waiting);
            row.accept("Telegram, " + BURST_USERS + " users asking at once (one question each), answer cache off", burst.telegram().describe());
            row.accept("WhatsApp, " + BURST_USERS + " users asking at once (one question each), answer cache off", burst.whatsapp().describe());
        } finally {
            service.destroy();
            service.waitFor();
            graph.close();
            botApi.close();
            TestFiles.deleteTree(data);
        }
    }

    private record Latencies(Figures telegram, Figures whatsapp) {
    }

    /** Latencies in ms and how long the whole run took. */
    private record Figures(List<Long> micros, long wallMillis) {

        String describe() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d answers in %d ms",
                    LoadDriver.percentile(sorted, 50) / 1000.0, LoadDriver.percentile(sorted, 99) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0, sorted.size(), wallMillis);
        }
    }

    /** Each question through one channel and then the other, waiting for each answer before the next question. */
    private static Latencies oneAtATime(HttpClient client, String base, List<String> questions, AtomicInteger users,
                                        Map<String, CompletableFuture<Long>> waiting) throws Exception {
        List<Long> telegram = new ArrayList<>();
        List<Long> whatsapp = new ArrayList<>();
        long telegramWall = 0;
        long whatsappWall = 0;
        for (String question : questions) {
            long started = System.nanoTime();
            telegram.add(ask(client, base, "telegram", users.getAndIncrement(), question, waiting));
            long between = System.nanoTime();
            whatsapp.add(ask(client, base, "whatsapp", users.getAndIncrement(), question, waiting));
            telegramWall += between - started;
            whatsappWall += System.nanoTime() - between;
        }
        return new Latencies(new Figures(telegram, telegramWall / 1_000_000), new Figures(whatsapp, whatsappWall / 1_000_000));
    }

    /** {@link #BURST_USERS} users of one channel ask at once, from 32 connections; then the same on the other channel. */
    private static Latencies burst(HttpClient client, String base, List<String> questions, AtomicInteger users,
                                   Map<String, CompletableFuture<Long>> waiting) throws Exception {
        Figures[] figures = new Figures[2];
        String[] channels = {"telegram", "whatsapp"};
        ExecutorService askers = Executors.newFixedThreadPool(32);
        try {
            for (int c = 0; c < channels.length; c++) {
                String channel = channels[c];
                List<Future<Long>> asked = new ArrayList<>();
                long started = System.nanoTime();
                for (int i = 0; i < BURST_USERS; i++) {
                    String question = questions.get(i % questions.size());
                    long user = users.getAndIncrement();
                    asked.add(askers.submit(() -> ask(client, base, channel, user, question, waiting)));
                }
                List<Long> micros = new ArrayList<>();
                for (Future<Long> future : asked) {
                    micros.add(future.get(120, TimeUnit.SECONDS));
                }
                figures[c] = new Figures(micros, (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            askers.shutdownNow();
        }
        return new Latencies(figures[0], figures[1]);
    }

    /** Posts the question to the channel's webhook and returns the µs until its answer reached the fake API. */
    private static long ask(HttpClient client, String base, String channel, long user, String question,
                            Map<String, CompletableFuture<Long>> waiting) throws Exception {
        String number = "62899" + String.format("%08d", user);
        String key = channel.equals("telegram") ? "telegram:" + user : "whatsapp:" + number;
        CompletableFuture<Long> answered = waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
        HttpRequest request;
        if (channel.equals("telegram")) {
            ObjectNode update = JSON.createObjectNode().put("update_id", (int) user);
            ObjectNode message = update.putObject("message").put("message_id", 1).put("date", Instant.now().getEpochSecond()).put("text", question);
            message.putObject("chat").put("id", user).put("type", "private");
            message.putObject("from").put("id", user).put("is_bot", false).put("first_name", "U").put("language_code", "id");
            request = HttpRequest.newBuilder(URI.create(base + "/telegram/webhook")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Telegram-Bot-Api-Secret-Token", TELEGRAM_SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))).build();
        } else {
            String body = WebhookPayloads.text(number, question);
            request = HttpRequest.newBuilder(URI.create(base + "/whatsapp/webhook")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", WebhookPayloads.signature(APP_SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
        long sent = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(channel + " webhook answered " + response.statusCode() + ": " + response.body());
        }
        long received = answered.get(30, TimeUnit.SECONDS);
        waiting.remove(key);
        return (received - sent) / 1_000;
    }

    private static void complete(Map<String, CompletableFuture<Long>> waiting, String key, long received) {
        waiting.computeIfAbsent(key, k -> new CompletableFuture<>()).complete(received);
    }

    private static void awaitTelegramConnected(HttpClient client, String base) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!client.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"telegram\":\"connected\"")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the Telegram bot did not connect to the fake Bot API");
            }
            Thread.sleep(50);
        }
    }

    /** The Bot API methods the bot calls in webhook mode, on 127.0.0.1; an answer is a sendMessage with buttons. */
    private static final class LoopbackBotApi implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final AtomicInteger messageIds = new AtomicInteger(1);
        volatile BiConsumer<Long, Long> onAnswer = (chat, received) -> { };

        LoopbackBotApi() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            long received = System.nanoTime();
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
                byte[] bytes = exchange.getRequestBody().readAllBytes();
                String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
                JsonNode body = bytes.length == 0 || !contentType.startsWith("application/json") ? JSON.createObjectNode() : JSON.readTree(bytes);
                String result = switch (method) {
                    case "getme" -> "{\"id\":999,\"is_bot\":true,\"first_name\":\"BHR\",\"username\":\"bhr_bench_bot\"}";
                    case "sendmessage" -> {
                        if (body.has("reply_markup")) {
                            onAnswer.accept(body.path("chat_id").asLong(), received);
                        }
                        yield "{\"message_id\":" + messageIds.getAndIncrement() + ",\"date\":1700000000,\"chat\":{\"id\":"
                                + body.path("chat_id").asText() + ",\"type\":\"private\"},\"text\":\"ok\"}";
                    }
                    default -> "true";
                };
                FakeHttp.respondJson(exchange, 200, "{\"ok\":true,\"result\":" + result + "}");
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
