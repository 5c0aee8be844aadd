package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One lifecycle transition of an interaction, pushed after commit to the agent it concerns and to supervisors, and
 * published to back office through the outbox. {@code from} equals {@code to} when the interaction changed without a
 * transition: a chat message joined its transcript.
 *
 * @param agentId       the agent the interaction is offered to or handled by after the transition (null when queued)
 * @param offerDeadline when an offer is taken back (RONA), for {@link InteractionState#OFFERED}
 */
public record InteractionEvent(UUID eventId, UUID tenantId, UUID interactionId, Channel channel, UUID queueId,
                               InteractionState from, InteractionState to, UUID agentId, Instant offerDeadline,
                               String customerAddress, Instant occurredAt) {
}
