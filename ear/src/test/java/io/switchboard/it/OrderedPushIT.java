package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commits of one agent are serialised by its row lock, but their after-commit pushes race: each socket must still
 * receive the agent's events in sequence order, none missing, the agent's own socket and a supervisor's alike.
 */
class OrderedPushIT extends ServerTest {

    private static final int THREADS = 8;
    private static final int COMMANDS_PER_THREAD = 25;
    private static final String[] REASONS = {"BREAK", "LUNCH", "TRAINING", "MEETING"};

    @Test
    void underConcurrentChangesEverySocketReceivesTheAgentsEventsInSequenceOrder() throws Exception {
        TestAgent ana = fixtures.agent("chat");
        TestAgent boss = fixtures.supervisor();
        try (EventSocket own = EventSocket.open(api, ana.token());
             EventSocket board = EventSocket.open(api, boss.token())) {
            api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));

            changeConcurrently(ana);

            long last = api.get(ana.path(), ana.token()).json().getJsonNumber("eventSequence").longValue();
            assertTrue(last > THREADS, "most changes should be legal; last sequence " + last);
            for (Map.Entry<String, EventSocket> socket : Map.of("agent", own, "supervisor", board).entrySet()) {
                List<Long> received = AgentFrames.sequencesUntil(socket.getValue(), ana.id(), last,
                        Duration.ofSeconds(30));
                long first = received.get(0);
                assertTrue(first <= 2, "the " + socket.getKey() + "'s socket missed the first changes: " + received);
                assertEquals(LongStream.rangeClosed(first, last).boxed().toList(), received,
                        "the " + socket.getKey() + "'s socket received every event once, in sequence order");
            }
        }
    }

    /**
     * Eight threads at once alternate Ready and Not Ready (with changing reasons) on the one channel; a change the
     * current state forbids is refused with 409 and ignored.
     */
    private void changeConcurrently(TestAgent ana) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit((Callable<List<String>>) () -> {
                    go.await();
                    List<String> unexpected = new ArrayList<>();
                    for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
                        Api.Reply reply = (thread + i) % 2 == 0
                                ? api.post(ana.path() + "/channels/ready", ana.token(), channels("chat"))
                                : api.post(ana.path() + "/channels/not-ready", ana.token(),
                                notReady(REASONS[(thread + i / 2) % REASONS.length], "chat"));
                        if (reply.status() != 200 && reply.status() != 409) {
                            unexpected.add(reply.toString());
                        }
                    }
                    return unexpected;
                }));
            }
            go.countDown();
            for (Future<List<String>> result : results) {
                assertEquals(List.of(), result.get(), "only 200 or 409 is expected");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
