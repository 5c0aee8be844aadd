package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Api.notReady;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "My Channels" end to end over HTTP (AS1–AS6), on the demo tenant where Pending Not Ready is enabled. */
class MyChannelsIT extends ServerTest {

    @Test
    void loginReadyNotReadyPendingWhileWorkingEffectiveWhenWorkEndsThenLogOffOneChannel() {
        TestAgent ana = fixtures.agent("chat", "email", "voice");

        JsonObject state = api.post(ana.path() + "/channels/login", ana.token(), channels()).json();
        assertEquals("NOT_READY", channel(state, "chat").getString("state"));
        assertEquals("NOT_READY", channel(state, "voice").getString("state"));

        state = api.post(ana.path() + "/channels/ready", ana.token(), channels("chat", "email")).json();
        assertEquals("READY", channel(state, "chat").getString("state"));
        assertEquals("READY", channel(state, "email").getString("state"));

        String chat = fixtures.workInHand(ana, fixtures.route("chat", ana));
        state = api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("LUNCH", "chat")).json();
        assertEquals("PENDING_NOT_READY", channel(state, "chat").getString("state"));
        assertEquals("LUNCH", channel(state, "chat").getString("reasonCode"));

        state = api.post(ana.path() + "/channels/not-ready", ana.token(), notReady("BREAK", "email")).json();
        assertEquals("NOT_READY", channel(state, "email").getString("state"), "no work on email: at once");

        assertEquals(200, api.post("/api/interactions/" + chat + "/end", ana.token(), null).status());
        state = api.get("/api/agents/me", ana.token()).json();
        assertEquals("NOT_READY", channel(state, "chat").getString("state"));
        assertEquals("LUNCH", channel(state, "chat").getString("reasonCode"));

        state = api.post(ana.path() + "/channels/logoff", ana.token(), channels("email")).json();
        assertEquals("LOGGED_OUT", channel(state, "email").getString("state"));
        assertEquals("NOT_READY", channel(state, "chat").getString("state"), "the other channels stay");
        assertEquals("NOT_READY", channel(state, "voice").getString("state"));

        assertEquals(state, api.get("/api/agents/me", ana.token()).json(), "the stored state is what was answered");
    }

    @Test
    void readyAndNotReadyOnAllChannelsAtOnce() {
        TestAgent bia = fixtures.agent("chat", "sms");
        api.post(bia.path() + "/channels/login", bia.token(), "{}");
        JsonObject state = api.post(bia.path() + "/channels/ready", bia.token(), "{}").json();
        assertEquals("READY", channel(state, "chat").getString("state"));
        assertEquals("READY", channel(state, "sms").getString("state"));
        state = api.post(bia.path() + "/channels/not-ready", bia.token(), "{\"reasonCode\":\"MEETING\"}").json();
        assertEquals("MEETING", channel(state, "chat").getString("reasonCode"));
        assertEquals("MEETING", channel(state, "sms").getString("reasonCode"));
    }

    @Test
    void onlyAssignedChannelsAreVisible() {
        TestAgent caio = fixtures.agent("voice");
        JsonObject me = api.get("/api/agents/me", caio.token()).json();
        assertEquals(1, me.getJsonArray("channels").size());
        assertEquals("VOICE", me.getJsonArray("channels").getJsonObject(0).getString("channel"));
    }

    @Test
    void doNotDisturbIsOneSwitchForAllChannels() {
        TestAgent dani = fixtures.agent("chat", "voice");
        JsonObject state = api.put(dani.path() + "/do-not-disturb", dani.token(), "{\"enabled\":true}").json();
        assertTrue(state.getBoolean("doNotDisturb"));
        assertTrue(api.get(dani.path(), dani.token()).json().getBoolean("doNotDisturb"));
        state = api.put(dani.path() + "/do-not-disturb", dani.token(), "{\"enabled\":false}").json();
        assertFalse(state.getBoolean("doNotDisturb"));
    }

    @Test
    void callForwardingIsSetShownAndCleared() {
        TestAgent edu = fixtures.agent("voice");
        JsonObject state = api.put(edu.path() + "/forwarding", edu.token(), "{\"extension\":\"4321\"}").json();
        assertEquals("4321", state.getString("forwardingExtension"));
        assertEquals("4321", api.get("/api/agents/me", edu.token()).json().getString("forwardingExtension"));
        state = api.delete(edu.path() + "/forwarding", edu.token()).json();
        assertFalse(state.containsKey("forwardingExtension") && !state.isNull("forwardingExtension"));
    }

    @Test
    void timeInStateListsIntervalsAndTotalsPerStateAndReason() {
        TestAgent fabi = fixtures.agent("chat");
        Instant before = Instant.now().minusSeconds(1);
        api.post(fabi.path() + "/channels/login", fabi.token(), channels("chat"));
        api.post(fabi.path() + "/channels/ready", fabi.token(), channels("chat"));
        api.post(fabi.path() + "/channels/not-ready", fabi.token(), notReady("TRAINING", "chat"));
        api.post(fabi.path() + "/channels/ready", fabi.token(), channels("chat"));

        JsonObject report = api.get(fabi.path() + "/time-in-state?from=" + before + "&to="
                + Instant.now().plusSeconds(60), fabi.token()).json();

        var intervals = report.getJsonArray("intervals").getValuesAs(JsonObject.class);
        assertEquals(4, intervals.size(), report.toString());
        assertEquals("NOT_READY", intervals.get(0).getString("state"));
        assertEquals("READY", intervals.get(1).getString("state"));
        assertEquals("TRAINING", intervals.get(2).getString("reasonCode"));
        assertTrue(intervals.get(3).getBoolean("ongoing"), "the running state counts too");
        for (int i = 1; i < intervals.size(); i++) {
            assertEquals(intervals.get(i - 1).getString("end"), intervals.get(i).getString("start"),
                    "intervals follow each other without gaps");
        }
        var totals = report.getJsonArray("totals").getValuesAs(JsonObject.class);
        assertTrue(totals.stream().anyMatch(t -> t.getString("state").equals("NOT_READY")
                && "TRAINING".equals(t.getString("reasonCode", null))), totals.toString());
        assertTrue(totals.stream().anyMatch(t -> t.getString("state").equals("READY")), totals.toString());
    }

    @Test
    void aSupervisorSeesEveryAgentAndCanLogOneOff() {
        TestAgent gabi = fixtures.agent("email");
        api.post(gabi.path() + "/channels/login", gabi.token(), channels("email"));
        TestAgent boss = fixtures.supervisor();

        var board = api.get("/api/agents", boss.token()).array().getValuesAs(JsonObject.class);
        assertTrue(board.stream().anyMatch(a -> a.getString("agentId").equals(gabi.id())));

        JsonObject state = api.post(gabi.path() + "/channels/logoff", boss.token(), "{}").json();
        assertEquals("LOGGED_OUT", channel(state, "email").getString("state"));
    }
}
