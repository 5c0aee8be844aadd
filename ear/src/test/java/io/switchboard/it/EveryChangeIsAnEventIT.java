package io.switchboard.it;

import io.switchboard.it.Fixtures.Route;
import io.switchboard.it.Fixtures.TestAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.switchboard.it.Api.channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change of an interaction is announced, stored in its history and numbered (defect: moving a parked item,
 * extending ACW and the timer's end of ACW changed state silently).
 */
class EveryChangeIsAnEventIT extends ServerTest {

    @Test
    void extendingAfterCallWorkAndItsEndByTheTimerAreEventsOnTheAgentsSocket() {
        TestAgent ana = fixtures.agent("voice");
        api.post(ana.path() + "/channels/login", ana.token(), channels("voice"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("voice"));
        Route calls = fixtures.route("voice", Json.createObjectBuilder().add("name", "calls-" + UUID.randomUUID())
                .add("acwSeconds", 1).add("acwNextState", "READY").build().toString(), ana);
        try (EventSocket socket = EventSocket.open(api, ana.token())) {
            String call = fixtures.workInHand(ana, calls);
            assertEquals(200, api.post("/api/interactions/" + call + "/end", ana.token(), null).status());
            assertEquals(200, api.post("/api/interactions/" + call + "/extend-acw", ana.token(),
                    "{\"seconds\":1}").status());
            JsonObject extended = awaitCause(socket, call, "ACW_EXTENDED");
            assertEquals("WRAP_UP", extended.getString("to"));
            JsonObject ended = awaitCause(socket, call, "ACW_ENDED");
            assertTrue(ended.getJsonNumber("sequence").longValue() > extended.getJsonNumber("sequence").longValue());
            assertEquals(List.of("CREATED", "OFFERED", "ACCEPTED", "ENDED", "ACW_EXTENDED", "ACW_ENDED"),
                    Database.causes(call));
        }
    }

    @Test
    void movingAParkedEmailIsAnEventInItsHistory() {
        TestAgent ana = fixtures.agent("email");
        api.post(ana.path() + "/channels/login", ana.token(), channels("email"));
        api.post(ana.path() + "/channels/ready", ana.token(), channels("email"));
        Route mail = fixtures.route("email", ana);
        String email = fixtures.workInHand(ana, mail);
        assertEquals(200, api.post("/api/interactions/" + email + "/park", ana.token(), "{\"workbin\":\"personal\"}")
                .status());
        try (EventSocket socket = EventSocket.open(api, fixtures.supervisor().token())) {
            assertEquals(200, api.post("/api/interactions/" + email + "/move", ana.token(),
                    "{\"queueId\":\"" + mail.queueId() + "\"}").status());
            assertEquals("PARKED", awaitCause(socket, email, "WORKBIN_MOVED").getString("to"));
        }
        assertEquals(List.of("CREATED", "OFFERED", "ACCEPTED", "PARKED", "WORKBIN_MOVED"), Database.causes(email));
    }

    private static JsonObject awaitCause(EventSocket socket, String interaction, String cause) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject event = socket.next(Duration.ofSeconds(10));
            if (interaction.equals(event.getString("interactionId", null))
                    && cause.equals(event.getString("cause", null))) {
                return event;
            }
        }
        throw new AssertionError("no " + cause + " event for " + interaction);
    }
}
