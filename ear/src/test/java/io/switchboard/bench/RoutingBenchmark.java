package io.switchboard.bench;

import io.switchboard.bench.BenchClient.Agent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routing under load: N agents Ready on chat with their event sockets open; interactions are created over REST at a
 * fixed rate (open loop, like customers arriving); each agent, when an offer reaches its socket, accepts, ends and
 * marks it done. For each rate prints interactions routed/s, the latency from sending the create call to the offer
 * arriving on the agent's socket (p50/p99), and full lifecycles/s (create, offer, accept, end, done).
 *
 * <p>Usage: {@code RoutingBenchmark <baseUrl> <agents> <rates, comma-separated> <seconds per rate>}; see
 * docs/benchmarks.md.
 */
public final class RoutingBenchmark {

    private static final int LIFECYCLE_WORKERS = 48;

    private final BenchClient client;
    private final Histogram createToOffer = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong lifecycles = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong socketErrors = new AtomicLong();
    private final AtomicLong socketCloses = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final Histogram refusalLatency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    private final ExecutorService agentsAtWork = Executors.newFixedThreadPool(LIFECYCLE_WORKERS);
    private String integration;

    private RoutingBenchmark(String base) {
        this.client = new BenchClient(base);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        String rates = args.length > 2 ? args[2] : "100,250,500";
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        RoutingBenchmark benchmark = new RoutingBenchmark(base);
        try {
            benchmark.run(agents, rates, seconds);
        } finally {
            benchmark.agentsAtWork.shutdownNow();
        }
    }

    private void run(int agentCount, String rates, int seconds) throws Exception {
        String admin = client.adminToken();
        integration = BenchClient.json(client.login("backoffice", "switchboard").body()).getString("token");
        List<Agent> agents = client.agents(admin, agentCount);
        String entryPoint = configureRouting(admin, agents);
        List<WebSocket> sockets = client.sockets(agents, OfferListener::new);
        for (Agent agent : agents) {
            client.post("/api/agents/" + agent.id() + "/channels/ready", agent.token(), "{\"channels\":[\"chat\"]}");
        }
        System.out.printf("%d agents Ready on chat with sockets open%n", agents.size());

        for (String rate : rates.split(",")) {
            // "350x60": 350/s for 60 s; a plain rate runs for the default seconds
            String[] parts = rate.strip().split("x");
            step(entryPoint, Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : seconds);
        }
        for (Agent agent : agents) {
            client.post("/api/agents/" + agent.id() + "/channels/not-ready", agent.token(),
                    "{\"channels\":[\"chat\"],\"reasonCode\":\"BREAK\"}");
        }
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
    }

    /** One queue with every bench agent, a chat entry point, and a profile of 5 chats each; made once. */
    private String configureRouting(String admin, List<Agent> agents) {
        String entryPoint = "bench-widget";
        // Bench agents always answer; the longest RONA timeout keeps a saturated server's slow offers from putting
        // them in RONA, which would stop routing and measure nothing.
        HttpResponse<String> queue = client.post("/api/admin/routing/queues", admin,
                "{\"name\":\"bench-" + UUID.randomUUID() + "\",\"ronaTimeoutSeconds\":3600}");
        String queueId = BenchClient.json(queue.body()).getString("id");
        String profile = BenchClient.json(client.post("/api/admin/routing/profiles", admin,
                "{\"name\":\"bench-" + UUID.randomUUID() + "\",\"capacity\":{\"chat\":5}}").body()).getString("id");
        var ids = Json.createArrayBuilder();
        for (Agent agent : agents) {
            ids.add(agent.id());
            client.send("PUT", "/api/admin/routing/agents/" + agent.id() + "/profile", admin,
                    "{\"profileId\":\"" + profile + "\"}");
        }
        client.send("PUT", "/api/admin/routing/queues/" + queueId + "/members", admin,
                Json.createObjectBuilder().add("agentIds", ids).build().toString());
        // A fresh entry point per run, pointing at this run's queue.
        entryPoint = entryPoint + "-" + queueId.substring(0, 8);
        client.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "chat")
                .add("address", entryPoint).add("queueId", queueId).build().toString());
        return entryPoint;
    }

    /** Creates interactions at {@code rate}/s for {@code seconds}, then waits for every lifecycle to finish. */
    private void step(String entryPoint, int rate, int seconds) throws InterruptedException {
        createToOffer.reset();
        offered.set(0);
        lifecycles.set(0);
        failures.set(0);
        refused.set(0);
        accepted.set(0);
        socketCloses.set(0);
        refusalLatency.reset();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long created = 0;
        for (long next = start; next < end; next += intervalNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String customer = "bench-" + UUID.randomUUID() + "@example.com";
            long sent = System.nanoTime();
            sentAt.put(customer, sent);
            client.http().sendAsync(client.request("POST", "/api/integration/interactions", integration,
                    Json.createObjectBuilder().add("channel", "chat").add("entryPoint", entryPoint)
                            .add("customerAddress", customer)
                            .add("content", Json.createObjectBuilder().add("customerName", "Bench"))
                            .add("idempotencyKey", customer).build().toString()),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 503) {
                            // refused at the door, with Retry-After: the caller knows; nothing was made
                            refused.incrementAndGet();
                            sentAt.remove(customer);
                            synchronized (refusalLatency) {
                                refusalLatency.recordValue(Math.min((System.nanoTime() - sent) / 1_000,
                                        refusalLatency.getHighestTrackableValue()));
                            }
                        } else if (error != null || response.statusCode() != 201) {
                            failures.incrementAndGet();
                        } else {
                            accepted.incrementAndGet();
                        }
                    });
            created++;
        }
        double createSeconds = (System.nanoTime() - start) / 1e9;
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lifecycles.get() + failures.get() + refused.get() < created && System.nanoTime() < drainDeadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        double allSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT rate=%d/s sent=%d in %.1fs created(201)=%d refused(503)=%d offered=%d "
                        + "lifecycles=%d failures=%d lost=%d socket-closes=%d routed/s=%.0f lifecycles/s=%.0f "
                        + "create->offer p50=%.1fms p99=%.1fms max=%.1fms refusal p99=%.1fms%n",
                rate, created, createSeconds, accepted.get(), refused.get(), offered.get(), lifecycles.get(),
                failures.get(), Math.max(0, accepted.get() - lifecycles.get()), socketCloses.get(),
                offered.get() / allSeconds, lifecycles.get() / allSeconds,
                createToOffer.getValueAtPercentile(50) / 1000.0, createToOffer.getValueAtPercentile(99) / 1000.0,
                createToOffer.getMaxValue() / 1000.0, refusalLatency.getValueAtPercentile(99) / 1000.0);
    }

    /** On an offer: record its latency and let the agent accept, end and finish it (on a worker thread). */
    private final class OfferListener implements WebSocket.Listener {
        private final Agent agent;
        private final StringBuilder partial = new StringBuilder();

        OfferListener(Agent agent) {
            this.agent = agent;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            try {
                partial.append(data);
                if (last) {
                    JsonObject event = BenchClient.json(partial.toString());
                    partial.setLength(0);
                    if ("OFFERED".equals(event.getString("to", null)) && event.containsKey("interactionId")) {
                        recordOffer(event);
                    }
                }
            } catch (RuntimeException e) {
                socketErrors.incrementAndGet();
                System.err.println("event not understood: " + e);
            } finally {
                socket.request(1);   // always ask for the next event, or the socket stops delivering
            }
            return null;
        }

        private void recordOffer(JsonObject event) {
            Long sent = sentAt.remove(event.getString("customerAddress"));
            if (sent != null) {
                long micros = (System.nanoTime() - sent) / 1_000;
                synchronized (createToOffer) {
                    createToOffer.recordValue(Math.min(micros, createToOffer.getHighestTrackableValue()));
                }
            }
            offered.incrementAndGet();
            agentsAtWork.execute(() -> handle(event.getString("interactionId")));
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            socketErrors.incrementAndGet();
            System.err.println("socket of agent " + agent.index() + " failed: " + error);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            socketCloses.incrementAndGet();
            System.err.println("socket of agent " + agent.index() + " closed: " + status + " " + reason);
            return null;
        }

        private void handle(String interactionId) {
            String path = "/api/interactions/" + interactionId;
            boolean ok = answered(path + "/accept", null) && answered(path + "/end", null)
                    && answered(path + "/done", "{}");
            (ok ? lifecycles : failures).incrementAndGet();
            if (!ok) {
                System.err.println("lifecycle of " + interactionId + " failed");
            }
        }

        /** 200, after honouring 503 + Retry-After as a desktop would (a few times). */
        private boolean answered(String path, String body) {
            for (int attempt = 0; attempt < 30; attempt++) {
                int status = client.post(path, agent.token(), body).statusCode();
                if (status != 503) {
                    return status == 200;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }
}
