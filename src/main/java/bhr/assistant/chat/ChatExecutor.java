package bhr.assistant.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each chat's work in arrival order and different chats in parallel. TelegramBots hands updates to one
 * consumer thread and a webhook answers at once; answering there would make every chat wait for the slowest one.
 * The key is whatever tells a chat apart: a Telegram chat id, a hashed WhatsApp number.
 */
public final class ChatExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatExecutor.class);

    private final ExecutorService workers;
    /** The last task queued per chat; the next one for that chat runs after it. */
    private final ConcurrentHashMap<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public ChatExecutor(int threads, String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
    }

    public void submit(Object chat, Runnable task) {
        CompletableFuture<Void> next = tails.compute(chat, (id, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).thenRunAsync(() -> runSafely(task), workers));
        next.whenComplete((ignored, error) -> tails.remove(chat, next));
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The task apologises to its user itself; this only keeps the chat's queue going.
            LOG.error("A chat's task failed", e);
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
