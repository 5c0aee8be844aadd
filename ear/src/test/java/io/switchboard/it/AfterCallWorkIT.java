package io.switchboard.it;

import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static io.switchboard.it.Fixtures.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After-Call-Work (IX5, IX6): a call ends, the voice channel is in ACW, then in the queue's next state. */
class AfterCallWorkIT extends ServerTest {

    private String number;
    private TestAgent ana;

    private void aVoiceQueueWith(int acwSeconds, String next, String reason) {
        String admin = fixtures.adminToken();
        var queue = Json.createObjectBuilder().add("name", "calls-" + UUID.randomUUID())
                .add("acwSeconds", acwSeconds).add("acwNextState", next);
        if (reason != null) {
            queue.add("acwNextReason", reason);
        }
        String queueId = api.post("/api/admin/routing/queues", admin, queue.build().toString()).json().getString("id");
        number = "+55119" + (10_000_000 + (int) (Math.random() * 89_999_999));
        api.post("/api/admin/routing/entry-points", admin, Json.createObjectBuilder().add("channel", "voice")
                .add("address", number).add("queueId", queueId).build().toString());
        ana = fixtures.agent("voice");
        api.put("/api/admin/routing/queues/" + queueId + "/members", admin,
                Json.createObjectBuilder().add("agentIds", Json.createArrayBuilder().add(ana.id())).build().toString());
        api.post(ana.path() + "/channels/login", ana.token(), channels("voice"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("voice"));
    }

    private String answeredAndEndedCall() {
        String id = api.post("/api/integration/interactions", fixtures.integrationToken(), Json.createObjectBuilder()
                .add("channel", "voice").add("entryPoint", number).add("customerAddress", "+5511988887777")
                .add("content", Json.createObjectBuilder().add("callId", UUID.randomUUID().toString())
                        .add("callerNumber", "+5511988887777").add("dialledNumber", number))
                .add("idempotencyKey", UUID.randomUUID().toString()).build().toString()).json()
                .getString("interactionId");
        assertEquals("ACTIVE", api.post("/api/interactions/" + id + "/accept", ana.token(), null)
                .json().getString("state"));
        JsonObject ended = api.post("/api/interactions/" + id + "/end", ana.token(), null).json();
        assertEquals("WRAP_UP", ended.getString("state"));
        return id;
    }

    private String voiceState() {
        return channel(api.get("/api/agents/me", ana.token()).json(), "voice").getString("state");
    }

    @Test
    void afterTheConfiguredTimeTheChannelGoesToTheNextState() {
        aVoiceQueueWith(2, "NOT_READY", "BREAK");
        answeredAndEndedCall();
        assertEquals("AFTER_CALL_WORK", voiceState());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (voiceState().equals("AFTER_CALL_WORK") && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        JsonObject voice = channel(api.get("/api/agents/me", ana.token()).json(), "voice");
        assertEquals("NOT_READY", voice.getString("state"));
        assertEquals("BREAK", voice.getString("reasonCode"));
    }

    @Test
    void acwCanBeExtendedIndefinitelyAndDoneEndsItWithTheNextState() {
        aVoiceQueueWith(30, "READY", null);
        String id = answeredAndEndedCall();
        JsonObject call = api.get("/api/interactions", ana.token()).array().getJsonObject(0);
        assertTrue(call.getBoolean("afterCallWork"));
        Instant first = Instant.parse(call.getString("afterCallWorkDeadline"));

        JsonObject extended = api.post("/api/interactions/" + id + "/extend-acw", ana.token(), "{\"seconds\":60}")
                .json();
        assertEquals(first.plusSeconds(60), Instant.parse(extended.getString("afterCallWorkDeadline")));
        JsonObject indefinitely = api.post("/api/interactions/" + id + "/extend-acw", ana.token(),
                "{\"seconds\":-1}").json();
        assertFalse(indefinitely.containsKey("afterCallWorkDeadline"), "runs until Done");
        assertEquals("AFTER_CALL_WORK", voiceState());

        assertEquals("DONE", api.post("/api/interactions/" + id + "/done", ana.token(), "{}").json()
                .getString("state"));
        assertEquals("READY", voiceState(), "Done ends ACW and the next state is automatic");
    }
}
