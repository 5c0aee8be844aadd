package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
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
 * 500 interactions created from ten threads while 50 agents accept, reject and finish from their own threads, all at
 * once. Afterwards the stored transition history is replayed in order: no interaction was ever offered to two agents
 * at once, no agent ever held more than their capacity at any moment, every interaction went from Queued to Done
 * and no transition is missing; meanwhile a monitor also read the live assignments over and over.
 */
class RoutingConcurrencyIT extends ServerTest {

    private static final int AGENTS = 50;
    private static final int CAPACITY = 2;
    private static final int INTERACTIONS = 500;
    private static final int CREATORS = 10;

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
            task.get(400, TimeUnit.SECONDS);
        }
        running.set(false);
        work.get(0).get(10, TimeUnit.SECONDS);
        pool.shutdownNow();

        assertEquals(INTERACTIONS, done.get(), "every interaction was handled to Done");
        assertEquals(INTERACTIONS, acceptedBy.size());
        acceptedBy.forEach((id, who) -> assertEquals(1, who.size(), id + " accepted by " + who));
        assertTrue(snapshots.get() > 10, "the monitor really ran: " + snapshots.get());
        assertEquals(0, overCapacity.get(), "no snapshot showed an agent above capacity");
        replayHistory(queue);
    }

    /**
     * Replays every stored transition of the queue's interactions in sequence order, tracking each interaction's
     * state and holder and each agent's load: each step must start where the previous one left the interaction, an
     * offer only ever comes from Queued (so never to a second agent while offered), and no agent's load ever exceeds
     * capacity.
     */
    private void replayHistory(String queue) throws Exception {
        Map<String, String> state = new HashMap<>();
        Map<String, String> holder = new HashMap<>();
        Map<String, Integer> load = new HashMap<>();
        Set<String> holding = Set.of("OFFERED", "ACTIVE", "WRAP_UP");
        int steps = 0;
        int offers = 0;
        try (Connection db = DriverManager.getConnection(System.getProperty("switchboard.test.db.url"),
                "postgres", "postgres");
             ResultSet rows = db.createStatement().executeQuery("""
                     select t.interaction_id, t.from_state, t.to_state, t.agent_id from interaction_transition t
                       join interaction i on i.id = t.interaction_id
                      where i.queue_id = '%s' order by t.seq""".formatted(queue))) {
            while (rows.next()) {
                String id = rows.getString(1);
                String from = rows.getString(2);
                String to = rows.getString(3);
                String agent = rows.getString(4);
                steps++;
                assertEquals(state.get(id), from, "step " + steps + " of " + id + " starts where the last ended");
                if (from != null && holding.contains(from)) {
                    load.merge(holder.get(id), -1, Integer::sum);
                }
                if (to.equals("OFFERED")) {
                    offers++;
                    assertEquals("QUEUED", from, id + " offered while not queued");
                }
                if (holding.contains(to)) {
                    int now = load.merge(agent, 1, Integer::sum);
                    assertTrue(now <= CAPACITY, "agent " + agent + " held " + now + " at step " + steps);
                }
                state.put(id, to);
                holder.put(id, agent);
            }
        }
        assertEquals(INTERACTIONS, state.size(), "every interaction has a history");
        state.forEach((id, last) -> assertEquals("DONE", last, id + " ended Done"));
        assertTrue(offers > INTERACTIONS, "rejections made re-offers: " + offers);
        load.forEach((agent, left) -> assertEquals(0, left, agent + " holds nothing at the end"));
    }

    /** The agent's loop: accept offers (rejecting every fifth), end and mark done what they hold. */
    private Void handle(TestAgent agent, Map<String, Set<String>> acceptedBy, AtomicInteger done) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(360);
        int seen = 0;
        while (done.get() < INTERACTIONS && System.nanoTime() < deadline) {
            List<JsonObject> mine = api.get("/api/interactions", agent.token()).array().getValuesAs(JsonObject.class);
            if (mine.isEmpty()) {
                pause();
            }
            for (JsonObject interaction : mine) {
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

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
                pause();
            }
        }
        return null;
    }
}
