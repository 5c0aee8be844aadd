package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Oldest first, also under contention (defect: while the agent's row was busy, chat A stayed queued and the later
 * chat B was offered), and the agent who has been free longest gets the work.
 */
class RoutingOrderIT extends ServerTest {

    @Test
    void anInteractionThatArrivedWhileTheAgentWasBusyIsOfferedBeforeALaterOne() throws Exception {
        TestAgent ana = readyOnChat(fixtures.agent("chat"));
        Route route = fixtures.route("chat", ana);
        String a;
        try (Connection busy = Database.connect()) {
            // The agent's row is busy (one of their own requests in flight) when chat A arrives.
            busy.setAutoCommit(false);
            try (var lock = busy.prepareStatement("select id from agent where id = cast(? as uuid) for update")) {
                lock.setString(1, ana.id());
                lock.executeQuery().close();
            }
            a = fixtures.interaction("chat", route.entryPoint()).getString("interactionId");
            assertEquals("QUEUED", state(a), "nobody could take A while the agent's row was busy");
            busy.commit();
        }
        String b = fixtures.interaction("chat", route.entryPoint()).getString("interactionId");
        assertEquals("OFFERED", state(a), "the agent's one chat slot goes to the older chat");
        assertEquals("QUEUED", state(b), "the newer chat waits behind it");
    }

    @Test
    void theAgentFreeLongestGetsTheNextChatEvenIfTheyWentReadyFirst() throws Exception {
        TestAgent early = readyOnChat(fixtures.agent("chat"));
        TestAgent late = readyOnChat(fixtures.agent("chat"));
        Route route = fixtures.route("chat", early, late);
        // early went Ready first but has just finished a chat; late has been free since going Ready
        String first = fixtures.interaction("chat", route.entryPoint()).getString("interactionId");
        assertEquals(early.id(), holder(first), "early has been free longest at first");
        assertEquals(200, api.post("/api/interactions/" + first + "/accept", early.token(), null).status());
        assertEquals(200, api.post("/api/interactions/" + first + "/end", early.token(), null).status());
        assertEquals(200, api.post("/api/interactions/" + first + "/done", early.token(), "{}").status());
        String second = fixtures.interaction("chat", route.entryPoint()).getString("interactionId");
        assertEquals(late.id(), holder(second), "late has now been free longer than early, whose work just ended");
    }

    private TestAgent readyOnChat(TestAgent agent) throws InterruptedException {
        api.post(agent.path() + "/channels/login", agent.token(), channels("chat"));
        api.post(agent.path() + "/channels/ready", agent.token(), channels("chat"));
        Thread.sleep(5);    // distinct Ready times
        return agent;
    }

    private String state(String interaction) {
        return api.get("/api/integration/interactions/" + interaction, fixtures.integrationToken()).json()
                .getString("state");
    }

    private String holder(String interaction) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (!state(interaction).equals("OFFERED") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        return api.get("/api/integration/interactions/" + interaction, fixtures.integrationToken()).json()
                .getString("agentId");
    }
}
