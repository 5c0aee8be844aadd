package io.switchboard.interfaces.websocket;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts each key's items back in sequence order before handing them on. Commits of one agent (or one interaction) are
 * serialised by its row lock, but the after-commit observers of two commits run on two threads and race; this is
 * where their order is restored.
 * <p>
 * The guarantee, per key: the sink receives items in strictly increasing sequence, one call at a time, never two
 * calls for one key at once (so whatever the sink queues stays in that order). The first item seen for a key starts
 * its stream. An item ahead of the next expected sequence waits until the missing ones arrive, or for at most
 * {@code grace} after its own arrival; then it goes out anyway and the gap is skipped (those sequences were committed
 * on another node, or before this node knew the key, or a commit's after-commit step was slower than the grace).
 * An item behind its stream (its sequence was delivered or skipped already) is dropped: delivering it would break
 * the order, and a client re-reads its state on every frame and every reconnect. A key with nothing waiting and no
 * item for {@code idle} is forgotten, so memory follows the keys active recently, not every key ever seen; at most
 * {@link #MAX_WAITING} items wait per key.
 *
 * @param <K> what a sequence is counted per (an agent id, an interaction id)
 * @param <T> the items handed on
 */
final class Resequencer<K, T> {

    static final int MAX_WAITING = 1024;

    private static final Logger LOG = Logger.getLogger(Resequencer.class.getName());

    private final ScheduledExecutorService timer;
    private final long graceNanos;
    private final long firstSequence;
    private final long idleNanos;
    private final Consumer<T> sink;
    private final ConcurrentMap<K, KeyStream> streams = new ConcurrentHashMap<>();

    Resequencer(ScheduledExecutorService timer, Duration grace, Duration idle, Consumer<T> sink) {
        this(timer, grace, idle, 0, sink);
    }

    /**
     * @param firstSequence the sequence every key's stream starts at (interactions: 1), so an early item of a new
     *                      key waits for its predecessors like any other; 0: a stream starts at the first item seen
     */
    Resequencer(ScheduledExecutorService timer, Duration grace, Duration idle, long firstSequence, Consumer<T> sink) {
        this.firstSequence = firstSequence;
        this.timer = timer;
        this.graceNanos = grace.toNanos();
        this.idleNanos = idle.toNanos();
        this.sink = sink;
    }

    void accept(K key, long sequence, T item) {
        while (true) {
            KeyStream stream = streams.computeIfAbsent(key, KeyStream::new);
            synchronized (stream) {
                if (!stream.forgotten) {
                    stream.accept(sequence, item);
                    return;
                }
            }
            // forgotten between the look-up and the lock: the next look-up makes a fresh stream
        }
    }

    /** Forgets the keys idle for the idle time; called periodically. */
    void forgetIdle() {
        long now = System.nanoTime();
        for (KeyStream stream : streams.values()) {
            synchronized (stream) {
                if (stream.waiting.isEmpty() && now - stream.lastActivity >= idleNanos) {
                    stream.forgotten = true;
                    streams.remove(stream.key, stream);
                }
            }
        }
    }

    /** How many keys are remembered. */
    int keys() {
        return streams.size();
    }

    private record Waiting<I>(I item, long deadline) {
    }

    /** One key's stream; every method runs holding its monitor. */
    private final class KeyStream {
        final K key;
        final TreeMap<Long, Waiting<T>> waiting = new TreeMap<>();
        boolean started;
        boolean forgotten;
        long next;
        long lastActivity;
        long timerGeneration;
        ScheduledFuture<?> release;

        KeyStream(K key) {
            this.key = key;
        }

        void accept(long sequence, T item) {
            long now = System.nanoTime();
            lastActivity = now;
            if (!started) {
                started = true;
                next = firstSequence > 0 ? Math.min(firstSequence, sequence) : sequence;
            }
            if (sequence < next || waiting.containsKey(sequence)) {
                LOG.fine(() -> "Dropping late or repeated item " + sequence + " of " + key + ", expected " + next);
                return;
            }
            waiting.put(sequence, new Waiting<>(item, now + graceNanos));
            if (waiting.size() > MAX_WAITING) {
                deliverUpTo(waiting.firstKey());
            }
            deliverContiguous();
            scheduleRelease(now);
        }

        /** The grace of some waiting item may be over: deliver up to the last overdue one, skipping the gaps. */
        void release(long generation) {
            if (forgotten || generation != timerGeneration) {
                return;
            }
            release = null;
            long now = System.nanoTime();
            Long lastOverdue = null;
            for (Map.Entry<Long, Waiting<T>> entry : waiting.entrySet()) {
                if (entry.getValue().deadline() - now <= 0) {
                    lastOverdue = entry.getKey();
                }
            }
            if (lastOverdue != null) {
                LOG.fine(() -> "Skipping to " + waiting.firstKey() + " of " + key + ", " + next + " never came");
                deliverUpTo(lastOverdue);
                deliverContiguous();
            }
            scheduleRelease(now);
        }

        private void deliverUpTo(long last) {
            while (!waiting.isEmpty() && waiting.firstKey() <= last) {
                Map.Entry<Long, Waiting<T>> first = waiting.pollFirstEntry();
                next = first.getKey() + 1;
                deliver(first.getValue().item());
            }
        }

        private void deliverContiguous() {
            while (!waiting.isEmpty() && waiting.firstKey() == next) {
                deliver(waiting.pollFirstEntry().getValue().item());
                next++;
            }
        }

        private void deliver(T item) {
            try {
                sink.accept(item);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not hand on an item of " + key, e);
            }
        }

        /** Keeps one timer pending while anything waits, due no later than the earliest deadline. */
        private void scheduleRelease(long now) {
            if (waiting.isEmpty()) {
                cancelRelease();
                return;
            }
            if (release != null) {
                return;
            }
            long earliest = waiting.values().stream().mapToLong(Waiting::deadline)
                    .reduce((a, b) -> a - b <= 0 ? a : b).orElseThrow();
            long generation = ++timerGeneration;
            try {
                release = timer.schedule(() -> {
                    synchronized (this) {
                        release(generation);
                    }
                }, Math.max(0, earliest - now), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: deliver what waits rather than hold it forever
                deliverUpTo(waiting.lastKey());
            }
        }

        private void cancelRelease() {
            if (release != null) {
                release.cancel(false);
                release = null;
                timerGeneration++;
            }
        }
    }
}
