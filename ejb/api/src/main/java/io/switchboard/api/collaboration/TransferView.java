package io.switchboard.api.collaboration;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One transfer of an interaction as the API shows it: to an agent ({@code targetAgentId}) or a queue
 * ({@code targetQueueId}); {@code requestedBy} differs from {@code senderId} when a supervisor transferred on the
 * sender's behalf; {@code endedBy} is who ended it (null for a timeout or when it ended with the interaction).
 */
public record TransferView(UUID transferId, UUID interactionId, Channel channel, UUID senderId, UUID requestedBy,
                           UUID targetAgentId, UUID targetQueueId, TransferState state, Instant requestedAt,
                           Instant deadline, Instant endedAt, UUID endedBy) {
}
