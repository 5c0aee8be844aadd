package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admins manage users, channel assignments, reason codes and the Pending Not Ready setting. */
class AdministrationIT extends ServerTest {

    @AfterEach
    void restorePendingNotReady() {
        api.put("/api/admin/tenant-settings", fixtures.adminToken(), "{\"pendingNotReadyEnabled\":true}");
    }

    @Test
    void aLoginOrExtensionCanExistOnlyOncePerTenant() {
        TestAgent ana = fixtures.agent("chat");
        String duplicate = "{\"login\":\"" + ana.login() + "\",\"displayName\":\"Copy\",\"extension\":\"55501\","
                + "\"password\":\"long-enough\",\"licenceTier\":\"STANDARD\",\"roles\":[\"agent\"]}";
        assertTrue(api.post("/api/admin/agents", fixtures.adminToken(), duplicate).isProblem(409, "agent-exists"));
    }

    @Test
    void assignmentsMakeChannelsVisibleAndALoggedInChannelCannotBeTakenAway() {
        TestAgent ana = fixtures.agent("chat");
        String assign = "/api/admin/agents/" + ana.id() + "/channels";
        api.put(assign, fixtures.adminToken(), channels("chat", "sms"));
        assertEquals(2, api.get("/api/agents/me", ana.token()).json().getJsonArray("channels").size());

        api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
        assertTrue(api.put(assign, fixtures.adminToken(), channels("sms")).isProblem(409, "channel-in-use"));
        assertEquals(2, api.get("/api/agents/me", ana.token()).json().getJsonArray("channels").size());
    }

    @Test
    void aNewReasonCodeCanBeUsedAndARetiredOneCannot() {
        String code = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, api.post("/api/admin/reason-codes", fixtures.adminToken(),
                "{\"code\":\"" + code + "\",\"label\":\"Team huddle\"}").status());
        assertTrue(api.post("/api/admin/reason-codes", fixtures.adminToken(),
                "{\"code\":\"" + code + "\",\"label\":\"Again\"}").isProblem(409, "reason-code-exists"));

        TestAgent ana = fixtures.agent("chat");
        assertTrue(api.get("/api/reason-codes", ana.token()).array().getValuesAs(JsonObject.class).stream()
                .anyMatch(r -> r.getString("code").equals(code)), "agents see the tenant's codes");
        api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
        assertEquals(200, api.post(ana.path() + "/channels/not-ready", ana.token(), notReady(code, "chat")).status());

        api.put("/api/admin/reason-codes/" + code, fixtures.adminToken(), "{\"active\":false}");
        assertTrue(api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("LUNCH", "chat"))
                .status() == 200);
        assertTrue(api.post(ana.path() + "/channels/not-ready", ana.token(), notReady(code, "chat"))
                .isProblem(422, "unknown-reason-code"));
    }

    @Test
    void withPendingDisabledNotReadyDuringWorkTakesEffectAtOnce() {
        JsonObject settings = api.put("/api/admin/tenant-settings", fixtures.adminToken(),
                "{\"pendingNotReadyEnabled\":false}").json();
        assertEquals(false, settings.getBoolean("pendingNotReadyEnabled"));

        TestAgent ana = fixtures.agent("chat");
        api.post(ana.path() + "/channels/login", ana.token(), channels("chat"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("chat"));
        fixtures.workInHand(ana, fixtures.route("chat", ana));
        JsonObject state = api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("LUNCH", "chat")).json();
        assertEquals("NOT_READY", channel(state, "chat").getString("state"));
        assertEquals(1, channel(state, "chat").getInt("activeWork"));
    }
}
