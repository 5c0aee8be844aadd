package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.jms.Message;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** State events after commit: to the agent's sockets, to supervisors, and to back office on JMS (AS8, PL3). */
class AgentEventsIT extends ServerTest {

    @Test
    void everySessionOfTheAgentReceivesTheEventsInOrder() {
        TestAgent ana = fixtures.agent("chat", "voice");
        try (EventSocket tab1 = EventSocket.open(api, ana.token());
             EventSocket tab2 = EventSocket.open(api, ana.token())) {
            api.post(ana.path() + "/channels/login", ana.token(), channels("chat", "voice"));
            api.post(ana.path() + "/channels/ready", ana.token(), channels("chat"));
            api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("BREAK", "chat"));
            api.put(ana.path() + "/do-not-disturb", ana.token(), "{\"enabled\":true}");

            for (EventSocket socket : List.of(tab1, tab2)) {
                List<JsonObject> events = socket.next(5);
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L), events.stream().map(e -> e.getJsonNumber("sequence")
                        .longValue()).toList());
                assertEquals("VOICE", events.get(0).getString("channel"), "one command's events in channel order");
                assertEquals("LOGGED_OUT", events.get(0).getString("from"));
                assertEquals("NOT_READY", events.get(0).getString("to"));
                assertEquals("CHAT", events.get(1).getString("channel"));
                assertEquals("READY", events.get(2).getString("to"));
                assertEquals("NOT_READY", events.get(3).getString("to"));
                assertEquals("BREAK", events.get(3).getString("reasonCode"));
                assertEquals("DND_CHANGED", events.get(4).getString("type"));
                assertTrue(events.get(4).getBoolean("doNotDisturb"));
                events.forEach(e -> assertEquals(ana.id(), e.getString("agentId")));
            }
        }
    }

    @Test
    void supervisorsReceiveEveryAgentsEventsAndOtherAgentsDoNot() {
        TestAgent ana = fixtures.agent("chat");
        TestAgent bob = fixtures.agent("chat");
        TestAgent boss = fixtures.supervisor();
        try (EventSocket board = EventSocket.open(api, boss.token());
             EventSocket bobSocket = EventSocket.open(api, bob.token())) {
            api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
            api.post(bob.path() + "/channels/login", bob.token(), channels("chat"));

            // The board streams the whole demo tenant: keep to this test's agents (other tests' timers may fire)
            JsonObject first = nextAbout(board, ana, bob);
            JsonObject second = nextAbout(board, ana, bob);
            assertEquals(List.of(ana.id(), bob.id()), List.of(first.getString("agentId"), second.getString("agentId")));
            assertEquals(bob.id(), bobSocket.next().getString("agentId"), "bob sees only his own event");
        }
    }

    private static JsonObject nextAbout(EventSocket socket, TestAgent... agents) {
        List<String> ids = java.util.Arrays.stream(agents).map(TestAgent::id).toList();
        for (int skipped = 0; skipped < 1000; skipped++) {
            JsonObject event = socket.next();
            if (ids.contains(event.getString("agentId", "")) && !event.containsKey("interactionId")) {
                return event;
            }
        }
        throw new AssertionError("no event about " + ids);
    }

    @Test
    void aBackOfficeConsumerReceivesTheJsonEventOnTheTopic() throws Exception {
        TestAgent ana = fixtures.agent("email");
        try (BackOfficeTopic topic = BackOfficeTopic.forAgent(ana.id())) {
            api.post(ana.path() + "/channels/login", ana.token(), channels("email"));

            Message message = topic.nextMessage(10_000);
            assertNotNull(message, "the event reaches the topic");
            JsonObject event = Json.createReader(new StringReader(message.getBody(String.class))).readObject();
            assertEquals("CHANNEL_STATE_CHANGED", event.getString("type"));
            assertEquals(ana.id(), event.getString("agentId"));
            assertEquals(ana.login(), event.getString("agentLogin"));
            assertEquals("EMAIL", event.getString("channel"));
            assertEquals("LOGGED_OUT", event.getString("from"));
            assertEquals("NOT_READY", event.getString("to"));
            assertEquals(1, event.getJsonNumber("sequence").longValue());
            assertFalse(event.getString("eventId").isBlank());
            assertFalse(event.getString("tenantId").isBlank());
            assertFalse(event.getString("occurredAt").isBlank());
            assertEquals(event.getString("eventId"), message.getStringProperty("eventId"));
        }
    }

    @Test
    void aRolledBackChangeIsNeverSeenByAnyone() {
        TestAgent ana = fixtures.agent("chat", "email");
        // Both listen before the first change: events are relayed after commit, so a listener opened after the
        // login could still receive it (a flaky first version of this test did).
        try (EventSocket socket = EventSocket.open(api, ana.token());
             BackOfficeTopic topic = BackOfficeTopic.forAgent(ana.id())) {
            api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
            assertEquals(1, socket.next().getJsonNumber("sequence").longValue(), "the login");
            assertTrue(topic.next(10_000).contains("\"sequence\":1"), "the login on the topic");
            // CHAT can go Ready, EMAIL (logged out) cannot: the CHAT change is made, fired, then rolled back.
            Api.Reply refused = api.post(ana.path() + "/channels/ready", ana.token(), channels("chat", "email"));
            assertTrue(refused.isProblem(409, "illegal-transition"), refused.toString());
            assertEquals("NOT_READY", channel(api.get(ana.path(), ana.token()).json(), "chat").getString("state"));

            api.put(ana.path() + "/do-not-disturb", ana.token(), "{\"enabled\":true}");

            JsonObject next = socket.next();
            assertEquals("DND_CHANGED", next.getString("type"), "the socket's next event is the later change");
            assertEquals(2, next.getJsonNumber("sequence").longValue(), "no sequence number was used up");
            String jms = topic.next(10_000);
            assertNotNull(jms);
            assertTrue(jms.contains("DND_CHANGED"), "the topic's next event is the later change: " + jms);
        }
    }
}
