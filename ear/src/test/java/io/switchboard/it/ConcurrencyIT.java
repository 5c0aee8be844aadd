package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrent state changes of one agent, really at once from many threads, end consistent: no lost update. */
class ConcurrencyIT extends ServerTest {

    private static final int THREADS = 8;
    private static final int CHANGES_PER_THREAD = 25;

    @Test
    void concurrentChangesOfOneAgentAreAllRecordedAndAnnouncedExactlyOnce() throws Exception {
        TestAgent ana = fixtures.agent("chat");
        Instant start = Instant.now().minusSeconds(1);
        api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));

        try (EventSocket socket = EventSocket.open(api, ana.token())) {
            int accepted = changeConcurrently(ana);
            assertTrue(accepted > THREADS, "most changes should be legal, got " + accepted);

            JsonObject state = api.get(ana.path(), ana.token()).json();
            long lastSequence = state.getJsonNumber("eventSequence").longValue();
            assertEquals(1 + accepted, lastSequence, "one event per accepted change, plus the login");

            TreeSet<Long> received = socket.next(accepted).stream()
                    .map(e -> e.getJsonNumber("sequence").longValue()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(LongStream.rangeClosed(2, lastSequence).boxed().collect(Collectors.toCollection(TreeSet::new)),
                    received, "every committed change reached the socket once, no gaps, no duplicates");

            List<JsonObject> intervals = api.get(ana.path() + "/time-in-state?from=" + start + "&to="
                    + Instant.now().plusSeconds(60), ana.token()).json()
                    .getJsonArray("intervals").getValuesAs(JsonObject.class);
            assertEquals(accepted + 1, intervals.size(), "each change closed exactly one interval");
            for (int i = 1; i < intervals.size(); i++) {
                assertEquals(intervals.get(i - 1).getString("end"), intervals.get(i).getString("start"),
                        "interval " + i + " starts where the previous one ended");
            }
            JsonObject last = intervals.get(intervals.size() - 1);
            assertEquals(channel(state, "chat").getString("state"), last.getString("state"),
                    "the running interval is the stored state");
        }
    }

    /** Each thread alternates Ready and Not Ready; a change the current state forbids is refused (409). */
    private int changeConcurrently(TestAgent ana) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                String reason = t % 2 == 0 ? "LUNCH" : "BREAK";
                results.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    int ok = 0;
                    for (int i = 0; i < CHANGES_PER_THREAD; i++) {
                        Api.Reply reply = i % 2 == 0
                                ? api.post(ana.path() + "/channels/ready", ana.token(), channels("chat"))
                                : api.post(ana.path() + "/channels/not-ready", ana.token(), notReady(reason, "chat"));
                        if (reply.status() == 200) {
                            ok++;
                        } else if (reply.status() != 409) {
                            throw new AssertionError("unexpected " + reply);
                        }
                    }
                    return ok;
                }));
            }
            go.countDown();
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get();
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }
}
