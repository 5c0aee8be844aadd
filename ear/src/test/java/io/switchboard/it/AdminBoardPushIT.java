package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Admins see the board too: their socket receives every agent's events of the tenant live, like a supervisor's. */
class AdminBoardPushIT extends ServerTest {

    @Test
    void anAdminsSocketReceivesAnotherAgentsEventsLive() {
        TestAgent ana = fixtures.agent("chat");
        TestAgent admin = fixtures.user(new String[] {"admin"});
        try (EventSocket board = EventSocket.open(api, admin.token())) {
            api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
            api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("LUNCH", "chat"));

            JsonObject login = AgentFrames.next(board, ana.id(), Duration.ofSeconds(10));
            assertEquals("CHANNEL_STATE_CHANGED", login.getString("type"));
            assertEquals("LOGGED_OUT", login.getString("from"));
            assertEquals("NOT_READY", login.getString("to"));
            JsonObject lunch = AgentFrames.next(board, ana.id(), Duration.ofSeconds(10));
            assertEquals("LUNCH", lunch.getString("reasonCode"));
            assertEquals(AgentFrames.sequence(login) + 1, AgentFrames.sequence(lunch));
        }
    }
}
