package io.switchboard.bench;

import io.switchboard.bench.BenchClient.Agent;
import org.HdrHistogram.Histogram;

import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Drives agent state changes against a running server: N agents signed in with their event WebSockets open, W
 * workers changing Ready / Not Ready on CHAT over HTTP as fast as the server answers. Prints changes/s and the
 * latency from sending the REST call to the event arriving on that agent's socket (HdrHistogram, microseconds).
 *
 * <p>Usage: {@code AgentStateBenchmark <baseUrl> <agents> <workers> <seconds> <warm-up seconds>};
 * see docs/benchmarks.md.
 */
public final class AgentStateBenchmark {

    private final BenchClient client;
    private final Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private AgentStateBenchmark(String base) {
        this.client = new BenchClient(base);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        new AgentStateBenchmark(base).run(agents, workers, seconds, warmUp);
    }

    private void run(int agentCount, int workers, int seconds, int warmUp) throws Exception {
        List<Agent> agents = client.agents(client.adminToken(), agentCount);
        AtomicLongArray sentAt = new AtomicLongArray(agentCount);
        List<WebSocket> sockets = client.sockets(agents, agent -> new LatencyListener(agent.index(), sentAt));
        System.out.printf("%d agents signed in, %d sockets open; driving with %d workers for %d s%n",
                agents.size(), sockets.size(), workers, seconds);

        drive(agents, sentAt, workers, warmUp, false);       // warm-up (JIT, pools), not measured
        latency.reset();
        changes.set(0);
        refused.set(0);
        long start = System.nanoTime();
        drive(agents, sentAt, workers, seconds, true);
        double elapsed = (System.nanoTime() - start) / 1e9;

        System.out.printf("RESULT agents=%d workers=%d changes=%d refused=%d seconds=%.1f changes/s=%.0f "
                        + "p50=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms%n",
                agentCount, workers, changes.get(), refused.get(), elapsed, changes.get() / elapsed,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0);
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** Each worker owns a slice of the agents, so one agent never has two changes in flight. */
    private void drive(List<Agent> agents, AtomicLongArray sentAt, int workers, int seconds, boolean measure)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        for (int w = 0; w < workers; w++) {
            int worker = w;
            pool.execute(() -> {
                long round = 0;
                while (System.nanoTime() < deadline) {
                    for (int i = worker; i < agents.size() && System.nanoTime() < deadline; i += workers) {
                        Agent agent = agents.get(i);
                        boolean ready = (round + i) % 2 == 0;
                        sentAt.set(agent.index(), System.nanoTime());
                        int status = client.post("/api/agents/" + agent.id() + "/channels/" + (ready ? "ready" : "not-ready"),
                                agent.token(), ready ? "{\"channels\":[\"chat\"]}"
                                        : "{\"channels\":[\"chat\"],\"reasonCode\":\"BREAK\"}").statusCode();
                        if (status == 200) {
                            if (measure) {
                                changes.incrementAndGet();
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    round++;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    }

    private final class LatencyListener implements WebSocket.Listener {
        private final int index;
        private final AtomicLongArray sentAt;

        LatencyListener(int index, AtomicLongArray sentAt) {
            this.index = index;
            this.sentAt = sentAt;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long micros = (System.nanoTime() - sentAt.get(index)) / 1_000;
            synchronized (latency) {
                latency.recordValue(Math.min(micros, latency.getHighestTrackableValue()));
            }
            socket.request(1);
            return null;
        }
    }
}
