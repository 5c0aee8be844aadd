package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What collaboration asks of routing to hand an interaction from one agent to another or to a queue, inside the
 * caller's transaction. Routing owns everything that decides capacity and who may act: the hold a pending transfer
 * puts on the interaction, the target's ringing offer and the sender's wrap-up (each counted against that agent's
 * profile), and announces every step as an {@link InteractionEvent}. Locks follow the one order: agents in ascending
 * id order, then the interaction.
 */
public interface Handovers {

    /**
     * The agents an interaction's transfer concerns, locked with it — its holder and the pending target, if any — and
     * what collaboration may know of the interaction itself.
     */
    record Parties(UUID interactionId, Channel channel, UUID holderId, UUID transferTargetId, InteractionState state,
                   String customerAddress) {
    }

    /** A transfer to an agent now ringing; {@code deadline} comes from the interaction's queue. */
    record Hold(UUID interactionId, Channel channel, UUID senderId, Instant deadline, boolean outbound) {
    }

    /** An interaction handed into a queue. */
    record Handed(UUID interactionId, Channel channel, UUID senderId, boolean outbound) {
    }

    /**
     * Puts a transfer to {@code target} on the interaction: the holder keeps it, frozen (no end, park or wrap-up),
     * and an offer rings for the target, counted against their capacity. Refused unless the interaction is active in
     * {@code sender}'s hands (any holder when {@code sender} is null: a supervisor acting for them), no transfer is
     * pending, the interaction has transfers left, and the target is another agent of the tenant, Ready and not Do
     * Not Disturb on the channel with room for it under their profile (capacity and blending).
     */
    Hold hold(UUID tenantId, UUID interactionId, UUID sender, UUID target, UUID actor);

    /**
     * Moves the interaction from {@code sender} (any holder when null) into {@code queueId}, which must serve its
     * channel (an entry point of that channel leads to it); the sender wraps up; routing offers it at once.
     */
    Handed toQueue(UUID tenantId, UUID interactionId, UUID sender, UUID queueId, UUID actor);

    /** Refuses (404) an interaction the tenant does not have, so nothing about another tenant's is answered. */
    void requireKnown(UUID tenantId, UUID interactionId);

    /** Locks the holder and the pending target (ascending), then the interaction, waiting for each. */
    Parties lock(UUID tenantId, UUID interactionId);

    /** As {@link #lock}, but gives up (empty) when any of the rows is held by another transaction. */
    Optional<Parties> tryLock(UUID tenantId, UUID interactionId);

    /** The pending transfer's target took it (parties locked): theirs now; the sender owes its wrap-up. */
    void complete(UUID tenantId, UUID interactionId, UUID target);

    /**
     * The pending transfer ended without moving it (parties locked): the holder has it, unfrozen, and the target's
     * offer stops ringing; {@code why} is TRANSFER_REJECTED, TRANSFER_TIMED_OUT or TRANSFER_CANCELLED.
     */
    void release(UUID tenantId, UUID interactionId, InteractionCause why, UUID actor);

    /**
     * CO2: {@code colleague} joins the holder in the live chat or call, at the invitation of {@code inviter}, who
     * must still hold it: Ready and not Do Not Disturb on its channel with room for it under their profile (capacity
     * and blending); it then counts against their capacity and they write to the customer under their name.
     */
    void join(UUID tenantId, UUID interactionId, UUID colleague, UUID inviter);

    /**
     * {@code agent} leaves the conference: a colleague just goes; the holder hands the interaction to the colleague
     * who stays (the one who joined first) and wraps up.
     */
    void leave(UUID tenantId, UUID interactionId, UUID agent);

    /**
     * Whom the interaction's holder can transfer it to, for the transfer dialog: the tenant's other agents whose
     * display name or login contains {@code search} (any, when blank), with their availability on its channel, and
     * the tenant's queues with their waiting count and whether they serve the channel.
     */
    TransferTargets targets(UUID tenantId, UUID interactionId, String search);

    /** The transfer dialog's lists. */
    record TransferTargets(Channel channel, List<AgentTarget> agents, List<QueueTarget> queues) {
    }

    /**
     * An agent as a transfer target: {@code availability} is AVAILABLE (Ready with room: a transfer can ring),
     * BUSY (Ready, but full or Do Not Disturb), or the channel's state otherwise (NOT_READY with
     * {@code reasonCode}, AFTER_CALL_WORK, RONA, PENDING_NOT_READY, LOGGED_OUT).
     */
    record AgentTarget(UUID agentId, String login, String displayName, String availability, String reasonCode) {
    }

    record QueueTarget(UUID queueId, String name, long waiting, boolean servesChannel) {
    }
}
