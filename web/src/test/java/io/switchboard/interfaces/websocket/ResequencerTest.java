package io.switchboard.interfaces.websocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each key's items in sequence order: waiting for a missing one at most the grace, forgetting idle keys. */
class ResequencerTest {

    private static final Duration FOREVER = Duration.ofHours(1);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<Long> delivered = new LinkedBlockingQueue<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private Resequencer<String, Long> resequencer(Duration grace, Duration idle) {
        return new Resequencer<>(timer, grace, idle, delivered::add);
    }

    private List<Long> deliveredSoFar() {
        List<Long> items = new ArrayList<>();
        delivered.drainTo(items);
        return items;
    }

    @Test
    void itemsInOrderGoStraightThroughAndTheFirstStartsTheStream() {
        Resequencer<String, Long> resequencer = resequencer(FOREVER, FOREVER);
        for (long sequence = 5; sequence <= 7; sequence++) {
            resequencer.accept("ana", sequence, sequence);
        }
        assertEquals(List.of(5L, 6L, 7L), deliveredSoFar());
    }

    @Test
    void anItemAheadWaitsForItsPredecessor() {
        Resequencer<String, Long> resequencer = resequencer(FOREVER, FOREVER);
        resequencer.accept("ana", 1, 1L);
        resequencer.accept("ana", 4, 4L);
        resequencer.accept("ana", 3, 3L);
        assertEquals(List.of(1L), deliveredSoFar());
        resequencer.accept("ana", 2, 2L);
        assertEquals(List.of(2L, 3L, 4L), deliveredSoFar());
    }

    @Test
    void aPredecessorThatNeverComesIsSkippedAfterTheGrace() throws InterruptedException {
        Resequencer<String, Long> resequencer = resequencer(Duration.ofMillis(50), FOREVER);
        resequencer.accept("ana", 1, 1L);
        assertEquals(List.of(1L), deliveredSoFar());
        long start = System.nanoTime();
        resequencer.accept("ana", 3, 3L);
        resequencer.accept("ana", 4, 4L);
        assertTrue(delivered.isEmpty(), "3 waits for 2");

        Long next = delivered.poll(5, TimeUnit.SECONDS);
        long waited = System.nanoTime() - start;
        assertEquals(3L, next);
        assertTrue(waited >= Duration.ofMillis(50).toNanos(), "not before the grace: " + waited + " ns");
        assertEquals(4L, delivered.poll(5, TimeUnit.SECONDS));

        resequencer.accept("ana", 2, 2L);
        resequencer.accept("ana", 5, 5L);
        assertEquals(List.of(5L), deliveredSoFar(), "the late 2 is dropped rather than delivered out of order");
    }

    @Test
    void eachWaitingItemWaitsAtMostItsOwnGraceEvenBehindSeveralGaps() throws InterruptedException {
        Resequencer<String, Long> resequencer = resequencer(Duration.ofMillis(50), FOREVER);
        resequencer.accept("ana", 1, 1L);
        resequencer.accept("ana", 3, 3L);
        resequencer.accept("ana", 6, 6L);
        resequencer.accept("ana", 5, 5L);
        List<Long> released = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Long item = delivered.poll(5, TimeUnit.SECONDS);
            assertNotNull(item, "released after the grace");
            released.add(item);
        }
        assertEquals(List.of(1L, 3L, 5L, 6L), released);
    }

    @Test
    void keysAreIndependent() {
        Resequencer<String, Long> resequencer = resequencer(FOREVER, FOREVER);
        resequencer.accept("ana", 1, 1L);
        resequencer.accept("bob", 10, 10L);
        resequencer.accept("ana", 3, 3L);
        resequencer.accept("bob", 11, 11L);
        assertEquals(List.of(1L, 10L, 11L), deliveredSoFar(), "bob's next event does not wait behind ana's gap");
    }

    @Test
    void idleKeysAreForgottenButNotWhileSomethingWaits() {
        Resequencer<String, Long> resequencer = resequencer(FOREVER, Duration.ZERO);
        resequencer.accept("ana", 5, 5L);
        resequencer.accept("bob", 1, 1L);
        resequencer.accept("bob", 3, 3L);
        resequencer.forgetIdle();
        assertEquals(1, resequencer.keys(), "bob's 3 still waits for 2");

        resequencer.accept("ana", 1, 1L);
        assertEquals(List.of(5L, 1L, 1L), deliveredSoFar(), "a forgotten key starts again with its next item");
    }

    @Test
    void atMostMaxWaitingItemsWaitPerKey() {
        Resequencer<String, Long> resequencer = resequencer(FOREVER, FOREVER);
        resequencer.accept("ana", 1, 1L);
        long last = 3 + Resequencer.MAX_WAITING;
        for (long sequence = 3; sequence <= last; sequence++) {
            resequencer.accept("ana", sequence, sequence);
        }
        List<Long> expected = new ArrayList<>(List.of(1L));
        LongStream.rangeClosed(3, last).forEach(expected::add);
        assertEquals(expected, deliveredSoFar(), "the gap is given up once too much waits behind it");
    }
}
