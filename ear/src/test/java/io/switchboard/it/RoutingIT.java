package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interactions created over REST, offered to a Ready agent's socket, accepted, rejected, ended, done (IX1–IX7). */
class RoutingIT extends ServerTest {

    private String admin;
    private String integration;
    private String queueId;
    private String address;

    @BeforeEach
    void aChatQueueWithAnEntryPoint() {
        admin = fixtures.adminToken();
        integration = fixtures.integrationToken();
        queueId = queue(20, true);
        address = "widget-" + UUID.randomUUID();
        assertEquals(201, api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder()
                .add("channel", "chat").add("address", address).add("queueId", queueId).build().toString()).status());
    }

    private String queue(int ronaSeconds, boolean wrapUpRequired) {
        return api.post("/api/admin/routing/queues", admin, Json.createObjectBuilder()
                .add("name", "q-" + UUID.randomUUID()).add("ronaTimeoutSeconds", ronaSeconds)
                .add("wrapUpRequired", wrapUpRequired).add("wrapUpCodes", Json.createArrayBuilder().add("SOLVED"))
                .build().toString()).json().getString("id");
    }

    private void members(String queue, TestAgent... agents) {
        var ids = Json.createArrayBuilder();
        for (TestAgent agent : agents) {
            ids.add(agent.id());
        }
        assertEquals(204, api.put("/api/admin/routing/queues/" + queue + "/members", admin,
                Json.createObjectBuilder().add("agentIds", ids).build().toString()).status());
    }

    private void readyOnChat(TestAgent agent) {
        api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
        assertEquals(200, api.post(agent.path() + "/channels/ready", agent.token(), channels("chat")).status());
    }

    private Api.Reply createChat(String key) {
        return api.post("/api/integration/interactions", integration, Json.createObjectBuilder()
                .add("channel", "chat").add("entryPoint", address).add("customerAddress", "maria@example.com")
                .add("content", Contents.of("chat"))
                .add("idempotencyKey", key).build().toString());
    }

    private JsonObject nextInteractionEvent(EventSocket socket) {
        JsonObject event;
        do {
            event = socket.next();
        } while (!event.containsKey("interactionId"));
        return event;
    }

    @Test
    void anOfferReachesTheReadyAgentWhoAcceptsEndsAndMarksDone() {
        TestAgent ana = fixtures.agent("chat");
        members(queueId, ana);
        readyOnChat(ana);
        try (EventSocket socket = EventSocket.open(api, ana.token())) {
            Api.Reply created = createChat("order-" + UUID.randomUUID());
            assertEquals(201, created.status(), created.toString());
            String id = created.json().getString("interactionId");
            assertEquals("OFFERED", created.json().getString("state"), "routed in the same transaction");

            JsonObject queued = nextInteractionEvent(socket);
            JsonObject offer = queued.getString("to").equals("QUEUED") ? nextInteractionEvent(socket) : queued;
            assertEquals("OFFERED", offer.getString("to"));
            assertEquals(id, offer.getString("interactionId"));
            assertEquals(ana.id(), offer.getString("agentId"));

            JsonObject accepted = api.post("/api/interactions/" + id + "/accept", ana.token(), null).json();
            assertEquals("ACTIVE", accepted.getString("state"));
            assertTrue(accepted.getString("content").contains("my order is late"));
            assertEquals(1, channel(api.get("/api/agents/me", ana.token()).json(), "chat").getInt("activeWork"));

            assertEquals("WRAP_UP", api.post("/api/interactions/" + id + "/end", ana.token(), null)
                    .json().getString("state"));
            assertTrue(api.post("/api/interactions/" + id + "/done", ana.token(), "{}")
                    .isProblem(409, "wrap-up-required"));
            assertTrue(api.post("/api/interactions/" + id + "/done", ana.token(), "{\"wrapUpCode\":\"NOPE\"}")
                    .isProblem(422, "unknown-wrap-up-code"));
            JsonObject done = api.post("/api/interactions/" + id + "/done", ana.token(),
                    "{\"wrapUpCode\":\"SOLVED\"}").json();
            assertEquals("DONE", done.getString("state"));
            assertEquals("SOLVED", done.getString("wrapUpCode"));
            assertEquals(0, channel(api.get("/api/agents/me", ana.token()).json(), "chat").getInt("activeWork"));
        }
    }

    @Test
    void theSameIdempotencyKeyNeverMakesASecondInteraction() {
        String key = "retry-" + UUID.randomUUID();
        Api.Reply first = createChat(key);
        Api.Reply retry = createChat(key);
        assertEquals(201, first.status());
        assertEquals(200, retry.status());
        assertEquals(first.json().getString("interactionId"), retry.json().getString("interactionId"));
    }

    @Test
    void aRejectedOfferGoesToTheNextAgentAndNeverBackToTheOneWhoRejected() {
        TestAgent ana = fixtures.agent("chat");
        TestAgent bob = fixtures.agent("chat");
        members(queueId, ana, bob);
        readyOnChat(ana);
        readyOnChat(bob);
        JsonObject offered = createChat("reject-" + UUID.randomUUID()).json();
        String id = offered.getString("interactionId");
        TestAgent first = offered.getString("agentId").equals(ana.id()) ? ana : bob;
        TestAgent second = first == ana ? bob : ana;
        assertEquals(ana.id(), offered.getString("agentId"), "the longest-idle agent gets it first");

        assertTrue(api.post("/api/interactions/" + id + "/accept", second.token(), null).isProblem(403, "forbidden"),
                "nobody accepts someone else's offer");
        JsonObject rejected = api.post("/api/interactions/" + id + "/reject", first.token(), null).json();
        assertEquals("OFFERED", rejected.getString("state"));
        assertEquals(second.id(), rejected.getString("agentId"));
        assertEquals(offered.getString("queuedSince"), rejected.getString("queuedSince"), "original position kept");

        assertEquals("ACTIVE", api.post("/api/interactions/" + id + "/accept", second.token(), null)
                .json().getString("state"));
        assertTrue(api.post("/api/interactions/" + id + "/accept", second.token(), null)
                .isProblem(409, "illegal-transition"), "double accept");
    }

    @Test
    void anUnansweredOfferIsTakenBackAndTheAgentGoesToRona() {
        String quickQueue = queue(1, false);
        String quickAddress = "quick-" + UUID.randomUUID();
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "chat")
                .add("address", quickAddress).add("queueId", quickQueue).build().toString());
        TestAgent ana = fixtures.agent("chat");
        members(quickQueue, ana);
        readyOnChat(ana);
        String id = api.post("/api/integration/interactions", integration, Json.createObjectBuilder()
                .add("channel", "chat").add("entryPoint", quickAddress).add("customerAddress", "joao@example.com")
                .add("content", Json.createObjectBuilder().add("customerName", "João"))
                .add("idempotencyKey", "rona-" + UUID.randomUUID()).build().toString()).json().getString("interactionId");

        // Offered at once or by the next sweep (when the agent's row was busy); only then can it ring out.
        assertEquals("OFFERED", stateWithin(id, "OFFERED").getString("state"), "offered to the only agent");
        assertEquals("QUEUED", stateWithin(id, "QUEUED").getString("state"), "taken back after the RONA timeout");
        assertEquals("RONA", channel(api.get("/api/agents/me", ana.token()).json(), "chat").getString("state"));
        assertTrue(api.post("/api/interactions/" + id + "/accept", ana.token(), null).status() >= 400);
    }

    private JsonObject stateWithin(String id, String state) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        JsonObject interaction;
        do {
            interaction = api.get("/api/integration/interactions/" + id, integration).json();
        } while (!interaction.getString("state").equals(state) && Instant.now().isBefore(deadline));
        return interaction;
    }

    @Test
    void capacityIsNeverExceeded() {
        TestAgent ana = fixtures.agent("chat");
        members(queueId, ana);
        String profile = api.post("/api/admin/routing/profiles", admin,
                "{\"name\":\"p-" + UUID.randomUUID() + "\",\"capacity\":{\"chat\":2}}").json().getString("id");
        assertEquals(204, api.put("/api/admin/routing/agents/" + ana.id() + "/profile", admin,
                "{\"profileId\":\"" + profile + "\"}").status());
        readyOnChat(ana);
        for (int i = 0; i < 3; i++) {
            createChat("cap-" + UUID.randomUUID());
        }
        var mine = api.get("/api/interactions", ana.token()).array();
        assertEquals(2, mine.size(), "two chats at once, the third waits: " + mine);
    }

    @Test
    void badInputIsRefusedClearly() {
        assertTrue(api.post("/api/integration/interactions", integration, Json.createObjectBuilder()
                .add("channel", "chat").add("entryPoint", "nowhere-" + UUID.randomUUID())
                .add("customerAddress", "x@example.com").add("content", Json.createObjectBuilder().add("a", 1))
                .add("idempotencyKey", "bad-" + UUID.randomUUID()).build().toString())
                .isProblem(422, "unknown-entry-point"));
        assertTrue(api.post("/api/integration/interactions", integration, Json.createObjectBuilder()
                .add("channel", "email").add("entryPoint", address)
                .add("customerAddress", "x@example.com").add("content", Contents.of("email"))
                .add("idempotencyKey", "bad-" + UUID.randomUUID()).build().toString())
                .isProblem(422, "channel-mismatch"), "a chat entry point takes no email");
        assertTrue(api.post("/api/integration/interactions", integration, "{\"channel\":\"chat\"}")
                .isProblem(400, "validation-failed"), "content and the rest are required");
    }
}
