package io.switchboard.api.routing;

import java.time.Instant;
import java.util.UUID;

/**
 * Deadline work the sweeper gave up on after repeated failures (a RONA take-back, the end of After-Call-Work):
 * shown to supervisors with the last error, left out of the sweep until released.
 */
public record QuarantinedWork(UUID interactionId, String work, int failures, String lastError, Instant since) {
}
