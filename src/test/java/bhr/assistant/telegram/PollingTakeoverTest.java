package bhr.assistant.telegram;

import bhr.assistant.postgres.ReplicaProcess;
import bhr.assistant.postgres.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Long polling on two replicas sharing PostgreSQL: exactly one polls, the other stands by. Killed (SIGKILL), the
 * poller's advisory lock goes with its connection, and the other replica polls within 10 s; the updates sent
 * meanwhile are answered, and updates Telegram hands the new poller again (the dead one never confirmed them) are
 * not answered twice: every question gets exactly one reply. The buttons of an answer the dead replica sent (quotes,
 * votes) work on the replica polling now.
 */
class PollingTakeoverTest {

    private static final String QUESTION = "Apa itu pelaku usaha?";

    @TempDir
    Path directory;

    @Test
    void when_the_polling_replica_dies_another_polls_within_ten_seconds_and_nothing_is_lost_or_answered_twice() throws Exception {
        String url = TestPostgres.shared().newDatabase();
        List<ReplicaProcess> replicas = new ArrayList<>();
        try (FakeBotApi telegram = new FakeBotApi()) {
            Map<String, String> env = Map.of("DATABASE_URL", url, "TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_API_URL", telegram.url(),
                    "TELEGRAM_MODE", "polling");
            replicas.add(ReplicaProcess.start("a", directory, env));
            replicas.add(ReplicaProcess.start("b", directory, env));
            for (ReplicaProcess replica : replicas) {
                replica.awaitUp(Duration.ofSeconds(90));
            }
            ReplicaProcess poller = awaitState(replicas, "connected", Duration.ofSeconds(30));
            ReplicaProcess standby = replicas.get(replicas.indexOf(poller) == 0 ? 1 : 0);
            awaitState(List.of(standby), "standby", Duration.ofSeconds(30));

            for (long user = 101; user <= 103; user++) {
                telegram.push(FakeBotApi.privateText(user, QUESTION));
            }
            telegram.await("sendMessage", 3, Duration.ofSeconds(30));

            poller.kill();
            long killed = System.nanoTime();
            for (long user = 104; user <= 106; user++) {
                telegram.push(FakeBotApi.privateText(user, QUESTION)); // sent while nobody polls
            }
            awaitState(List.of(standby), "connected", Duration.ofSeconds(15));
            long tookOver = System.nanoTime() - killed;
            assertTrue(tookOver < Duration.ofSeconds(10).toNanos(), "took over after " + tookOver / 1_000_000 + " ms");
            telegram.await("sendMessage", 6, Duration.ofSeconds(30));

            telegram.redeliverAll();
            telegram.push(FakeBotApi.privateText(107, QUESTION)); // behind the redelivered ones: once it is answered, they were seen
            telegram.await("sendMessage", 7, Duration.ofSeconds(30));
            Thread.sleep(500);

            for (long user = 101; user <= 107; user++) {
                long chat = user;
                assertEquals(1, telegram.calls("sendMessage").stream().filter(call -> call.chatId() == chat).count(),
                        "user " + user + " gets exactly one reply; calls: " + telegram.calls("sendMessage").stream().map(FakeBotApi.Call::chatId).toList());
            }

            // Buttons of an answer the dead replica sent work on the one polling now: quotes and votes.
            com.fasterxml.jackson.databind.JsonNode first = telegram.calls("sendMessage").stream().filter(call -> call.chatId() == 101)
                    .findFirst().orElseThrow().body();
            List<String> buttons = new ArrayList<>();
            first.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(button -> buttons.add(button.path("callback_data").asText())));
            String quotes = buttons.stream().filter(data -> data.startsWith("q:")).findFirst().orElseThrow(() -> new AssertionError(first.toString()));
            String helpful = buttons.stream().filter(data -> data.startsWith("f+:")).findFirst().orElseThrow();
            int toasts = telegram.calls("answerCallbackQuery").size();
            telegram.push(FakeBotApi.callback(101, 101, quotes));
            telegram.push(FakeBotApi.callback(101, 101, helpful));
            List<FakeBotApi.Call> answered = telegram.await("answerCallbackQuery", toasts + 2, Duration.ofSeconds(30));
            assertTrue(answered.stream().anyMatch(call -> call.body().path("text").asText().startsWith("Terima kasih")),
                    "the vote is taken: " + answered.stream().map(call -> call.body().path("text").asText()).toList());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<String> toChat101 = List.of();
            while (toChat101.size() < 2 && System.nanoTime() < deadline) {
                toChat101 = telegram.calls("sendMessage").stream().filter(call -> call.chatId() == 101)
                        .map(call -> call.body().path("text").asText()).toList();
                Thread.sleep(50);
            }
            assertEquals(2, toChat101.size(), toChat101.toString());
            assertTrue(toChat101.get(1).contains("<blockquote>"), "the quotes of an answer another replica gave: " + toChat101.get(1));
        } finally {
            for (ReplicaProcess replica : replicas) {
                replica.close();
            }
        }
    }

    private static ReplicaProcess awaitState(List<ReplicaProcess> replicas, String state, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ReplicaProcess replica : replicas) {
                if (replica.get("/health").body().contains("\"telegram\":\"" + state + "\"")) {
                    return replica;
                }
            }
            Thread.sleep(100);
        }
        StringBuilder logs = new StringBuilder();
        for (ReplicaProcess replica : replicas) {
            logs.append("\n--- ").append(replica.name()).append(": ").append(replica.get("/health").body()).append('\n').append(replica.log());
        }
        throw new AssertionError("no replica reached telegram state '" + state + "' within " + timeout.toSeconds() + " s" + logs);
    }
}
