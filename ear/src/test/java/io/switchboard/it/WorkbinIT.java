package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workbins (IX8): park an email, capacity is freed; pick it up, capacity is taken; move it to a colleague. */
class WorkbinIT extends ServerTest {

    @Test
    void parkPickUpAndMoveAnEmail() {
        String admin = fixtures.adminToken();
        String queue = api.post("/api/admin/routing/queues", admin, "{\"name\":\"mail-" + UUID.randomUUID() + "\"}")
                .json().getString("id");
        String mailbox = "wb-" + UUID.randomUUID() + "@example.com";
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "email")
                .add("address", mailbox).add("queueId", queue).build().toString());
        TestAgent ana = fixtures.agent("email");
        TestAgent bob = fixtures.agent("email");
        api.put("/api/admin/routing/queues/" + queue + "/members", admin, Json.createObjectBuilder()
                .add("agentIds", Json.createArrayBuilder().add(ana.id()).add(bob.id())).build().toString());
        api.post(ana.path() + "/channels/login", ana.token(), channels("email"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("email"));
        String id = api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                .add("channel", "email").add("entryPoint", mailbox).add("customerAddress", "rita@example.com")
                .add("content", Json.createObjectBuilder().add("from", "rita@example.com").add("to", mailbox)
                        .add("subject", "Contract").add("text", "Please check"))
                .add("idempotencyKey", UUID.randomUUID().toString()).build().toString()).json()
                .getString("interactionId");
        api.post("/api/interactions/" + id + "/accept", ana.token(), null);
        api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("LUNCH", "email"));
        assertEquals("PENDING_NOT_READY", emailOf(ana).getString("state"));

        JsonObject parked = api.post("/api/interactions/" + id + "/park", ana.token(), "{\"workbin\":\"personal\"}")
                .json();
        assertEquals("PARKED", parked.getString("state"));
        assertEquals(0, emailOf(ana).getInt("activeWork"), "capacity freed");
        assertEquals("NOT_READY", emailOf(ana).getString("state"), "putting the email in a workbin completes Pending");
        assertEquals(id, api.get("/api/workbins/personal", ana.token()).array().getJsonObject(0)
                .getString("interactionId"));
        assertTrue(api.post("/api/interactions/" + id + "/pick-up", bob.token(), null).isProblem(403, "forbidden"),
                "someone else's personal workbin");

        assertEquals("ACTIVE", api.post("/api/interactions/" + id + "/pick-up", ana.token(), null).json()
                .getString("state"));
        assertEquals(1, emailOf(ana).getInt("activeWork"), "capacity taken again");

        api.post("/api/interactions/" + id + "/park", ana.token(), "{\"workbin\":\"team\"}");
        assertEquals(id, api.get("/api/workbins/teams/" + queue, bob.token()).array().getJsonObject(0)
                .getString("interactionId"), "the team sees it");
        assertEquals(200, api.post("/api/interactions/" + id + "/move", bob.token(),
                "{\"agentId\":\"" + ana.id() + "\"}").status());
        assertEquals(1, api.get("/api/workbins/personal", ana.token()).array().size());
        assertEquals(0, api.get("/api/workbins/teams/" + queue, bob.token()).array().size());
        assertTrue(api.post("/api/interactions/" + id + "/pick-up", bob.token(), null).isProblem(403, "forbidden"));
        assertTrue(api.post("/api/interactions/" + id + "/move", ana.token(), "{}")
                .isProblem(400, "validation-failed"), "a move names exactly one target");

        api.post(bob.path() + "/channels/login", bob.token(), channels("email"));
        api.post(ana.path() + "/channels/logoff", ana.token(), channels("email"));
        assertTrue(api.post("/api/interactions/" + id + "/pick-up", ana.token(), null).isProblem(409, "no-capacity"),
                "logged out of email: cannot take it");
    }

    private JsonObject emailOf(TestAgent agent) {
        return channel(api.get("/api/agents/me", agent.token()).json(), "email");
    }
}
