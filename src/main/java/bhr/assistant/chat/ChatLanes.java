package bhr.assistant.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a channel sends, queued per chat and delivered in order, many chats in parallel: the queueing both outboxes
 * (Telegram's and WhatsApp's) share, while each decides how one message is tried. A chat's queue that must wait
 * (a rate limit, a server failure) schedules its next try instead of holding a thread, so other chats go on.
 *
 * @param <K> what tells a chat apart (a Telegram chat id, a hashed WhatsApp number)
 * @param <T> a message waiting for its chat's turn
 */
public final class ChatLanes<K, T> implements AutoCloseable {

    /** Tries one message of a chat. */
    @FunctionalInterface
    public interface Sender<K, T> {

        /** @return null when the message is done with (sent, or failed for good and logged), else how long the chat waits before it is tried again */
        Duration attempt(K chat, T message);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChatLanes.class);

    /** One chat's queue. Only one drain runs per lane at a time, which is what keeps the chat's order. */
    private static final class Lane<K, T> {
        final K chat;
        final Deque<T> queue = new ArrayDeque<>();
        boolean draining;
        boolean marked;

        Lane(K chat) {
            this.chat = chat;
        }
    }

    private final String channel;
    private final int mostQueued;
    private final Sender<K, T> sender;
    private final ScheduledThreadPoolExecutor senders;
    private final ConcurrentHashMap<K, Lane<K, T>> lanes = new ConcurrentHashMap<>();

    /**
     * @param channel    names the log lines and the threads ("Telegram": telegram-send-1, ...)
     * @param mostQueued more than this many messages waiting for one chat means something is wrong: more are refused
     */
    public ChatLanes(String channel, int threads, int mostQueued, Sender<K, T> sender) {
        this.channel = channel;
        this.mostQueued = mostQueued;
        this.sender = sender;
        AtomicInteger count = new AtomicInteger();
        this.senders = new ScheduledThreadPoolExecutor(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, channel.toLowerCase(Locale.ROOT) + "-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.senders.setRemoveOnCancelPolicy(true);
    }

    /**
     * Queues a message for the chat; the chat's messages go out in the order queued.
     *
     * @return false when the chat already has {@code mostQueued} messages waiting and this one was refused
     */
    public boolean offer(K chat, T message) {
        boolean[] taken = new boolean[1];
        @SuppressWarnings("unchecked")
        Lane<K, T>[] toStart = new Lane[1];
        lanes.compute(chat, (key, existing) -> {
            Lane<K, T> lane = existing == null ? new Lane<>(key) : existing;
            synchronized (lane) {
                if (lane.queue.size() >= mostQueued) {
                    return lane;
                }
                lane.queue.addLast(message);
                taken[0] = true;
                if (!lane.draining) {
                    lane.draining = true;
                    toStart[0] = lane;
                }
            }
            return lane;
        });
        if (toStart[0] != null) {
            run(() -> drain(toStart[0]), Duration.ZERO);
        }
        return taken[0];
    }

    /** True when nothing waits for the chat: a typing indicator then shows at the right moment. */
    public boolean idle(K chat) {
        Lane<K, T> lane = lanes.get(chat);
        if (lane == null) {
            return true;
        }
        synchronized (lane) {
            return lane.queue.isEmpty();
        }
    }

    /**
     * True the first time it is asked for a chat while the chat has messages waiting, false after that until its
     * queue has emptied: for what a chat should be told once per backlog (Telegram's "busy, your answer follows").
     */
    public boolean firstTime(K chat) {
        Lane<K, T> lane = lanes.get(chat);
        if (lane == null) {
            return false;
        }
        synchronized (lane) {
            if (lane.marked) {
                return false;
            }
            lane.marked = true;
            return true;
        }
    }

    /** Sends the chat's queued messages until none is left or one must wait; a wait schedules the next drain instead of sleeping. */
    private void drain(Lane<K, T> lane) {
        while (true) {
            T next;
            synchronized (lane) {
                next = lane.queue.peekFirst();
            }
            if (next == null && finished(lane)) {
                return;
            }
            if (next == null) {
                continue; // something was queued while the lane was being retired
            }
            Duration wait = sender.attempt(lane.chat, next);
            if (wait != null) {
                run(() -> drain(lane), wait);
                return;
            }
            synchronized (lane) {
                lane.queue.pollFirst();
            }
        }
    }

    /** Retires an empty lane; false when a message arrived meanwhile and the drain must go on. */
    private boolean finished(Lane<K, T> lane) {
        boolean[] done = new boolean[1];
        lanes.computeIfPresent(lane.chat, (key, current) -> {
            synchronized (lane) {
                if (current != lane || !lane.queue.isEmpty()) {
                    return current;
                }
                lane.draining = false;
                done[0] = true;
                return null;
            }
        });
        return done[0] || lanes.get(lane.chat) != lane;
    }

    private void run(Runnable task, Duration delay) {
        try {
            senders.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} outbox closed; a queued message was not sent", channel);
        }
    }

    @Override
    public void close() {
        int waiting = lanes.values().stream().mapToInt(lane -> {
            synchronized (lane) {
                return lane.queue.size();
            }
        }).sum();
        senders.shutdownNow();
        if (waiting > 0) {
            LOG.warn("{} outbox closed with {} message(s) not yet delivered", channel, waiting);
        }
    }
}
