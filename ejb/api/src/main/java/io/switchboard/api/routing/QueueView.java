package io.switchboard.api.routing;

import java.time.Instant;
import java.util.UUID;

/** A queue as its members and supervisors see it: how much waits and since when ({@code null}: nothing waits). */
public record QueueView(UUID queueId, String name, int priority, long waiting, Instant oldestWaitingSince) {
}
