package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interactions created from several threads while agents accept, reject and finish from their own threads, all at
 * once: meanwhile a monitor reads the stored assignments over and over and never sees an agent above capacity; no
 * interaction is accepted by two agents; every interaction ends Done.
 */
class RoutingConcurrencyIT extends ServerTest {

    private static final int AGENTS = 6;
    private static final int CAPACITY = 2;
    private static final int INTERACTIONS = 80;
    private static final int CREATORS = 4;

    @Test
    void noDoubleAssignmentNoCapacityExceededEveryInteractionAccountedFor() throws Exception {
        String admin = fixtures.adminToken();
        String integration = fixtures.integrationToken();
        String queue = api.post("/api/admin/routing/queues", admin, "{\"name\":\"load-" + UUID.randomUUID()
                + "\",\"ronaTimeoutSeconds\":30}").json().getString("id");
        String address = "load-" + UUID.randomUUID();
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "chat")
                .add("address", address).add("queueId", queue).build().toString());
        String profile = api.post("/api/admin/routing/profiles", admin, "{\"name\":\"load-" + UUID.randomUUID()
                + "\",\"capacity\":{\"chat\":" + CAPACITY + "}}").json().getString("id");
        List<TestAgent> agents = new ArrayList<>();
        var ids = Json.createArrayBuilder();
        for (int i = 0; i < AGENTS; i++) {
            TestAgent agent = fixtures.agent("chat");
            agents.add(agent);
            ids.add(agent.id());
            api.put("/api/admin/routing/agents/" + agent.id() + "/profile", admin,
                    "{\"profileId\":\"" + profile + "\"}");
        }
        api.put("/api/admin/routing/queues/" + queue + "/members", admin,
                Json.createObjectBuilder().add("agentIds", ids).build().toString());
        for (TestAgent agent : agents) {
            api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
            api.post(agent.path() + "/channels/ready", agent.token(), channels("chat"));
        }

        Map<String, Set<String>> acceptedBy = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger overCapacity = new AtomicInteger();
        AtomicInteger snapshots = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CREATORS + AGENTS + 1);
        List<Future<?>> work = new ArrayList<>();

        work.add(pool.submit(() -> monitor(running, overCapacity, snapshots)));
        for (int c = 0; c < CREATORS; c++) {
            work.add(pool.submit(() -> {
                for (int i = 0; i < INTERACTIONS / CREATORS; i++) {
                    Api.Reply created = api.post("/api/integration/interactions", integration,
                            Json.createObjectBuilder().add("channel", "chat").add("entryPoint", address)
                                    .add("customerAddress", "c" + i + "@example.com")
                                    .add("content", Json.createObjectBuilder().add("customerName", "C" + i))
                                    .add("idempotencyKey", UUID.randomUUID().toString()).build().toString());
                    assertEquals(201, created.status(), created.toString());
                }
                return null;
            }));
        }
        for (TestAgent agent : agents) {
            work.add(pool.submit(() -> handle(agent, acceptedBy, done)));
        }
        for (Future<?> task : work.subList(1, work.size())) {
            task.get(180, TimeUnit.SECONDS);
        }
        running.set(false);
        work.get(0).get(10, TimeUnit.SECONDS);
        pool.shutdownNow();

        assertEquals(INTERACTIONS, done.get(), "every interaction was handled to Done");
        assertEquals(INTERACTIONS, acceptedBy.size());
        acceptedBy.forEach((id, who) -> assertEquals(1, who.size(), id + " accepted by " + who));
        assertTrue(snapshots.get() > 10, "the monitor really ran: " + snapshots.get());
        assertEquals(0, overCapacity.get(), "no snapshot showed an agent above capacity");
    }

    /** The agent's loop: accept offers (rejecting every fifth), end and mark done what they hold. */
    private Void handle(TestAgent agent, Map<String, Set<String>> acceptedBy, AtomicInteger done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        int seen = 0;
        while (done.get() < INTERACTIONS && System.nanoTime() < deadline) {
            for (JsonObject interaction : api.get("/api/interactions", agent.token()).array()
                    .getValuesAs(JsonObject.class)) {
                String id = interaction.getString("interactionId");
                String path = "/api/interactions/" + id;
                switch (interaction.getString("state")) {
                    case "OFFERED" -> {
                        if (++seen % 5 == 0) {
                            api.post(path + "/reject", agent.token(), null);
                        } else if (api.post(path + "/accept", agent.token(), null).status() == 200) {
                            acceptedBy.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(agent.id());
                        }
                    }
                    case "ACTIVE" -> api.post(path + "/end", agent.token(), null);
                    case "WRAP_UP" -> {
                        if (api.post(path + "/done", agent.token(), "{}").status() == 200) {
                            done.incrementAndGet();
                        }
                    }
                    default -> { }
                }
            }
        }
        return null;
    }

    private Void monitor(AtomicBoolean running, AtomicInteger overCapacity, AtomicInteger snapshots)
            throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("switchboard.test.db.url"),
                "postgres", "postgres")) {
            while (running.get()) {
                try (ResultSet rows = db.createStatement().executeQuery("""
                        select count(*) from (select agent_id from interaction
                         where state in ('OFFERED', 'ACTIVE', 'WRAP_UP') and channel = 'CHAT'
                         group by agent_id having count(*) > %d) over""".formatted(CAPACITY))) {
                    rows.next();
                    overCapacity.addAndGet(rows.getInt(1));
                    snapshots.incrementAndGet();
                }
            }
        }
        return null;
    }
}
