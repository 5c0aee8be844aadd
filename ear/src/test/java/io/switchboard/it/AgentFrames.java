package io.switchboard.it;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One agent's state events picked out of an event socket, which may also carry other agents' events (a supervisor's
 * or an admin's socket sees the whole demo tenant) and interaction events.
 */
final class AgentFrames {

    private AgentFrames() {
    }

    static boolean isStateEventOf(JsonObject frame, String agentId) {
        return !frame.containsKey("interactionId") && agentId.equals(frame.getString("agentId", null));
    }

    static long sequence(JsonObject frame) {
        return frame.getJsonNumber("sequence").longValue();
    }

    /** The agent's next state event, skipping every other frame; fails the test when none comes in time. */
    static JsonObject next(EventSocket socket, String agentId, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("no event of agent " + agentId + " within " + wait);
            }
            JsonObject frame = socket.next(left);
            if (isStateEventOf(frame, agentId)) {
                return frame;
            }
        }
    }

    /** The sequence numbers of the agent's state events in arrival order, up to and including {@code last}. */
    static List<Long> sequencesUntil(EventSocket socket, String agentId, long last, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        List<Long> received = new ArrayList<>();
        while (received.isEmpty() || received.get(received.size() - 1) != last) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new AssertionError("event " + last + " of agent " + agentId + " not received within " + wait
                        + "; received " + received);
            }
            received.add(sequence(next(socket, agentId, left)));
        }
        return received;
    }
}
