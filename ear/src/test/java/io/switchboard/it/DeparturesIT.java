package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People leave: a caller hangs up while it rings, a chat's customer leaves, an agent logs off or goes Not Ready with
 * an offer outstanding. The offer goes at once (never left ringing until RONA), and everyone's screen learns it live.
 */
class DeparturesIT extends ServerTest {

    @Test
    void aCallerWhoHangsUpWhileItRingsIsAbandonedAndTheOfferLeavesTheAgentsScreenWithoutRona() {
        TestAgent ana = ready(fixtures.agent("voice"), "voice");
        Route route = fixtures.route("voice", ana);
        try (EventSocket socket = EventSocket.open(api, ana.token())) {
            String call = fixtures.interaction("voice", route.entryPoint()).getString("interactionId");
            awaitEvent(socket, call, "OFFERED");
            JsonObject left = api.post("/api/integration/interactions/" + call + "/customer-left",
                    fixtures.integrationToken(), null).json();
            assertEquals("ABANDONED", left.getString("state"));
            JsonObject withdrawn = awaitEvent(socket, call, "ABANDONED");
            assertEquals("CUSTOMER_LEFT", withdrawn.getString("cause"));
            assertEquals(ana.id(), withdrawn.getString("formerAgentId"), "the agent it rang for is told");
            assertEquals("READY", voice(ana), "no RONA: the agent did nothing wrong");
            assertTrue(api.get("/api/interactions", ana.token()).array().isEmpty(), "nothing left in their hands");
        }
    }

    @Test
    void aChatWhoseCustomerLeavesEndsWithAMarkerAndTheAgentWrapsUp() {
        TestAgent ana = ready(fixtures.agent("chat"), "chat");
        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        JsonObject left = api.post("/api/integration/interactions/" + chat + "/customer-left",
                fixtures.integrationToken(), null).json();
        assertEquals("WRAP_UP", left.getString("state"));
        assertTrue(left.get("content").toString().contains("The customer left the chat."), left.toString());
        assertTrue(api.get("/api/interactions", ana.token()).array().stream().map(JsonObject.class::cast)
                .anyMatch(mine -> mine.getString("interactionId").equals(chat)
                        && mine.getString("state").equals("WRAP_UP")), "in the agent's hands for wrap-up");
        assertEquals("DONE", api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").json()
                .getString("state"));
        assertEquals(List.of("CREATED", "OFFERED", "ACCEPTED", "CUSTOMER_LEFT", "DONE"), Database.causes(chat));
    }

    @Test
    void loggingOffWithAnOfferOutstandingHandsTheOfferToSomeoneElseAtOnce() {
        TestAgent ana = ready(fixtures.agent("chat"), "chat");
        TestAgent bob = fixtures.agent("chat");
        Route route = fixtures.route("chat", ana, bob);
        String chat = fixtures.interaction("chat", route.entryPoint()).getString("interactionId");
        assertEquals(ana.id(), interaction(chat).getString("agentId"));
        ready(bob, "chat");
        try (EventSocket anaSocket = EventSocket.open(api, ana.token())) {
            JsonObject state = api.post(ana.path() + "/channels/logoff", ana.token(), channels("chat")).json();
            assertEquals("LOGGED_OUT", channel(state, "chat").getString("state"));
            JsonObject now = interaction(chat);
            assertEquals("OFFERED", now.getString("state"));
            assertEquals(bob.id(), now.getString("agentId"), "offered on to the next agent in the same commit");
            JsonObject withdrawn = awaitEvent(anaSocket, chat, "QUEUED");
            assertEquals("AGENT_LEFT", withdrawn.getString("cause"));
        }
        assertEquals(List.of("CREATED", "OFFERED", "AGENT_LEFT", "OFFERED"), Database.causes(chat));
    }

    @Test
    void goingNotReadyWithAnOfferOutstandingPutsItBackInItsPlace() {
        TestAgent ana = ready(fixtures.agent("chat"), "chat");
        Route route = fixtures.route("chat", ana);
        String chat = fixtures.interaction("chat", route.entryPoint()).getString("interactionId");
        assertEquals("OFFERED", interaction(chat).getString("state"));
        JsonObject state = api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("BREAK", "chat"))
                .json();
        assertEquals("NOT_READY", channel(state, "chat").getString("state"));
        JsonObject back = interaction(chat);
        assertEquals("QUEUED", back.getString("state"));
        assertFalse(back.containsKey("agentId") && !back.isNull("agentId"));
        ready(ana, "chat");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!interaction(chat).getString("state").equals("OFFERED") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals("OFFERED", interaction(chat).getString("state"), "not skipped: offered again when back");
    }

    private TestAgent ready(TestAgent agent, String channel) {
        api.post(agent.path() + "/channels/login", agent.token(), channels(channel));
        api.post(agent.path() + "/channels/ready", agent.token(), channels(channel));
        return agent;
    }

    private String voice(TestAgent agent) {
        return channel(api.get("/api/agents/me", agent.token()).json(), "voice").getString("state");
    }

    private JsonObject interaction(String id) {
        return api.get("/api/integration/interactions/" + id, fixtures.integrationToken()).json();
    }

    private static JsonObject awaitEvent(EventSocket socket, String interaction, String to) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject event = socket.next(Duration.ofSeconds(10));
            if (interaction.equals(event.getString("interactionId", null)) && to.equals(event.getString("to", null))) {
                return event;
            }
        }
        throw new AssertionError("no " + to + " event for " + interaction);
    }
}
