package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sockets stay within their tenant (PL4): while tenant northwind's agents change state, get work offered and send
 * each other IM, the sockets of demo's supervisor (who sees every agent of demo) and of a demo agent receive demo's
 * own events and nothing of northwind's, not even an id.
 */
class SocketIsolationIT extends ServerTest {

    @Test
    void aSocketOfOneTenantReceivesNothingOfAnother() {
        TestAgent supervisor = fixtures.supervisor();
        TestAgent agent = fixtures.agent("chat");
        String nwSupervisor = northwind("sup1");
        String nwAgent = northwind("agent02");
        String nwIntegration = northwind("backoffice");
        JsonObject nwMe = api.get("/api/agents/me", nwAgent).json();
        String nwAgentId = nwMe.getString("agentId");

        List<JsonObject> seenByDemo = new ArrayList<>();
        String interactionId;
        try (EventSocket board = EventSocket.open(api, supervisor.token());
             EventSocket desk = EventSocket.open(api, agent.token());
             EventSocket northwindDesk = EventSocket.open(api, nwAgent)) {
            // northwind at work: state changes, an offer, IM between two of its people
            assertEquals(200, api.post("/api/agents/" + nwAgentId + "/channels/login", nwAgent, channels("chat"))
                    .status());
            assertEquals(200, api.post("/api/agents/" + nwAgentId + "/channels/ready", nwAgent, channels("chat"))
                    .status());
            interactionId = api.post("/api/integration/interactions", nwIntegration, Json.createObjectBuilder()
                    .add("channel", "chat").add("entryPoint", "northwind-widget")
                    .add("customerAddress", "isolation-" + UUID.randomUUID() + "@example.com")
                    .add("content", Contents.of("chat")).add("idempotencyKey", UUID.randomUUID().toString())
                    .build().toString()).json().getString("interactionId");
            Api.Reply im = api.post("/api/im/messages", nwSupervisor, Json.createObjectBuilder().add("to", nwAgentId)
                    .add("text", "northwind only").build().toString());
            assertEquals(200, im.status(), im.toString());
            northwindDesk.nextWhere(e -> e.toString().contains("northwind only"), "the IM, on northwind's socket");

            // then demo: its sockets must see this, and only demo's things all along
            assertEquals(200, api.post(agent.path() + "/channels/login", agent.token(), channels("chat")).status());
            seenByDemo.addAll(until(board, agent.id(), "demo's own agent on demo's board"));
            seenByDemo.addAll(until(desk, agent.id(), "the agent's own event"));
            seenByDemo.addAll(board.drain(Duration.ofSeconds(1)));
            api.post("/api/agents/" + nwAgentId + "/channels/logoff", nwAgent, channels());
        }
        for (JsonObject event : seenByDemo) {
            String text = event.toString();
            assertTrue(!text.contains(nwAgentId) && !text.contains(interactionId) && !text.contains("northwind")
                    && !text.contains("Northwind"), "a demo socket received northwind's " + text);
        }
    }

    /** Every event the socket received until one mentions {@code mark} (within 10 s), that one included. */
    private static List<JsonObject> until(EventSocket socket, String mark, String what) {
        List<JsonObject> events = new ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (java.time.Instant.now().isBefore(deadline)) {
            List<JsonObject> more = socket.drain(Duration.ofMillis(200));
            events.addAll(more);
            if (more.stream().anyMatch(e -> e.toString().contains(mark))) {
                return events;
            }
        }
        throw new AssertionError("no " + what + " within 10 s");
    }

    private String northwind(String login) {
        Api.Reply reply = api.post("/api/auth/login", null, Json.createObjectBuilder().add("tenant", "northwind")
                .add("login", login).add("password", "switchboard").build().toString());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getString("token");
    }
}
