package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of an interaction, pushed after commit to the agents it concerns and to supervisors, and published to
 * back office through the outbox. Most are lifecycle transitions; {@code from} equals {@code to} when the interaction
 * changed without one (a chat message, a move between workbins, After-Call-Work extended or ended), and
 * {@link #cause} says what happened.
 *
 * @param agentId       the agent the interaction is offered to or handled by after the change (null when queued)
 * @param offerDeadline when an offer is taken back (RONA), for {@link InteractionState#OFFERED}
 * @param formerAgentId the agent who held or was offered it before the change, when that is someone else (an offer
 *                      withdrawn, rejected or timed out; a customer who left), so their screen learns it at once
 * @param cause         why: {@link InteractionCause}
 * @param sequence      1, 2, 3… per interaction, drawn under the interaction's row lock: consumers order by it and
 *                      see a gap when they missed one
 * @param actorId       who made the change when it was not the agent concerned, the customer or the system (a
 *                      supervisor forcing wrap-up); null otherwise
 * @param counterpartId the other agent of a transfer step — its target, or the sender who finished wrapping up —
 *                      so their screen learns of it too; null otherwise
 * @param conference    the colleagues in conference on a live chat or call when it changed (a message, someone
 *                      joining or leaving), so every screen in the conversation follows it; empty otherwise
 */
public record InteractionEvent(UUID eventId, UUID tenantId, UUID interactionId, Channel channel, UUID queueId,
                               InteractionState from, InteractionState to, UUID agentId, Instant offerDeadline,
                               String customerAddress, Instant occurredAt, UUID formerAgentId,
                               InteractionCause cause, long sequence, UUID actorId, UUID counterpartId,
                               java.util.List<UUID> conference) {

    public InteractionEvent {
        conference = conference == null ? java.util.List.of() : java.util.List.copyOf(conference);
    }

    /** The same change, made by {@code actor} (null: by the agent concerned). */
    public InteractionEvent by(UUID actor) {
        return new InteractionEvent(eventId, tenantId, interactionId, channel, queueId, from, to, agentId,
                offerDeadline, customerAddress, occurredAt, formerAgentId, cause, sequence, actor, counterpartId,
                conference);
    }

    /** The same change, concerning {@code counterpart} as well. */
    public InteractionEvent with(UUID counterpart) {
        return new InteractionEvent(eventId, tenantId, interactionId, channel, queueId, from, to, agentId,
                offerDeadline, customerAddress, occurredAt, formerAgentId, cause, sequence, actorId, counterpart,
                conference);
    }

    /** The same change, seen by the colleagues in conference too. */
    public InteractionEvent in(java.util.List<UUID> colleagues) {
        return new InteractionEvent(eventId, tenantId, interactionId, channel, queueId, from, to, agentId,
                offerDeadline, customerAddress, occurredAt, formerAgentId, cause, sequence, actorId, counterpartId,
                colleagues);
    }
}
