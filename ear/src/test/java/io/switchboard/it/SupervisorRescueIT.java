package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stuck work (issue 9): a supervisor ends an agent's chat for them. It goes to wrap-up as if the agent had ended
 * it — their chat slot is free again — the agent's desktop is told, the agent finishes it with Done, and the stored
 * history names the supervisor. Only supervisors may, only on work in progress, only in their tenant.
 */
class SupervisorRescueIT extends ServerTest {

    @Test
    void aSupervisorForcesAnAgentsChatIntoWrapUpOnTheirBehalf() throws Exception {
        TestAgent ana = fixtures.agent("chat");
        Route route = fixtures.route("chat", ana);
        api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("chat"));
        String chat = fixtures.workInHand(ana, route);
        TestAgent supervisor = fixtures.supervisor();
        assertEquals(403, api.post("/api/supervision/interactions/" + chat + "/force-wrap-up", ana.token(), null)
                .status(), "an agent cannot force anyone's work");
        try (EventSocket anasDesk = EventSocket.open(api, ana.token())) {
            Thread.sleep(300);
            Api.Reply forced = api.post("/api/supervision/interactions/" + chat + "/force-wrap-up",
                    supervisor.token(), null);
            assertEquals(200, forced.status(), forced.toString());
            assertEquals("WRAP_UP", forced.json().getString("state"));
            assertEquals(ana.id(), forced.json().getString("agentId"), "still Ana's to wrap up");
            JsonObject told = anasDesk.nextWhere(event -> "FORCED_WRAP_UP".equals(event.getString("cause", null)),
                    "FORCED_WRAP_UP");
            assertEquals(supervisor.id(), told.getString("actorId"));
        }
        JsonObject chatSession = api.get(ana.path(), ana.token()).json().getJsonArray("channels")
                .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("channel").equals("CHAT"))
                .findFirst().orElseThrow();
        assertEquals(0, chatSession.getInt("activeWork"), "her chat slot is free again");
        assertTrue(api.post("/api/supervision/interactions/" + chat + "/force-wrap-up", supervisor.token(), null)
                .isProblem(409, "illegal-transition"), "only work in progress");
        assertTrue(api.post("/api/supervision/interactions/" + UUID.randomUUID() + "/force-wrap-up",
                supervisor.token(), null).status() == 404);
        assertEquals(200, api.post("/api/interactions/" + chat + "/done", ana.token(), "{}").status());
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "select cast(actor_id as varchar) from interaction_transition "
                        + "where interaction_id = cast(? as uuid) and cause = 'FORCED_WRAP_UP'")) {
            query.setString(1, chat);
            try (var rows = query.executeQuery()) {
                assertTrue(rows.next(), "the forced end is in the history");
                assertEquals(supervisor.id(), rows.getString(1), "with who did it");
            }
        }
        assertEquals(java.util.List.of("CREATED", "OFFERED", "ACCEPTED", "FORCED_WRAP_UP", "DONE"),
                Database.causes(chat));
    }
}
