package io.switchboard.collaboration.transfer.application;

import io.switchboard.api.collaboration.TransferView;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.routing.Handovers;
import io.switchboard.api.routing.Handovers.TransferTargets;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.collaboration.domain.Transfer;
import io.switchboard.collaboration.transfer.infrastructure.Transfers;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Transfers (CO3, CO4, IX7), one call one transaction. Every answer to a pending transfer — accept, reject, cancel,
 * timeout — first locks both agents and the interaction (routing's {@link Handovers#lock}), then the transfer, and
 * acts only if it is still PENDING: of two answers that race, the second is refused, so each transfer ends once.
 */
@Stateless
public class TransferService {

    @EJB
    Handovers handovers;

    @Inject
    Transfers transfers;

    /**
     * {@code actor} transfers the interaction they hold to another agent, or a supervisor ({@code onBehalf}) does so
     * for whoever holds it; the transfer rings for the target until the queue's transfer timeout.
     */
    public TransferView toAgent(UUID tenantId, UUID actor, UUID interactionId, UUID target, boolean onBehalf) {
        Instant now = now();
        Handovers.Hold hold = handovers.hold(tenantId, interactionId, onBehalf ? null : actor, target, actor);
        Transfer transfer = Transfer.toAgent(tenantId, interactionId, hold.channel(), hold.senderId(), actor, target,
                hold.outbound(), hold.deadline(), now);
        transfers.add(transfer);
        return transfer.view();
    }

    /** {@code actor} (or a supervisor on behalf of the holder) transfers the interaction into a queue. */
    public TransferView toQueue(UUID tenantId, UUID actor, UUID interactionId, UUID queueId, boolean onBehalf) {
        Handovers.Handed handed = handovers.toQueue(tenantId, interactionId, onBehalf ? null : actor, queueId, actor);
        Transfer transfer = Transfer.toQueue(tenantId, interactionId, handed.channel(), handed.senderId(), actor,
                queueId, handed.outbound(), now());
        transfers.add(transfer);
        return transfer.view();
    }

    /** The target takes it: it is theirs, with its whole history; the sender goes to wrap-up. */
    public TransferView accept(UUID tenantId, UUID agent, UUID interactionId) {
        handovers.lock(tenantId, interactionId);
        Transfer transfer = pending(tenantId, interactionId);
        transfer.accept(agent, now());
        handovers.complete(tenantId, interactionId, agent);
        return transfer.view();
    }

    /** The target declines: it stays with the sender, unfrozen. */
    public TransferView reject(UUID tenantId, UUID agent, UUID interactionId) {
        handovers.lock(tenantId, interactionId);
        Transfer transfer = pending(tenantId, interactionId);
        transfer.reject(agent, now());
        handovers.release(tenantId, interactionId, InteractionCause.TRANSFER_REJECTED, agent);
        return transfer.view();
    }

    /** The sender — or a supervisor ({@code onBehalf}) — calls it off before the target answers. */
    public TransferView cancel(UUID tenantId, UUID actor, UUID interactionId, boolean onBehalf) {
        handovers.lock(tenantId, interactionId);
        Transfer transfer = pending(tenantId, interactionId);
        transfer.cancel(actor, onBehalf, now());
        handovers.release(tenantId, interactionId, InteractionCause.TRANSFER_CANCELLED, actor);
        return transfer.view();
    }

    /**
     * The deadline passed without an answer: it comes back to the sender. Skipped (left for the next sweep) when
     * one of the rows is busy, so one hot agent never stalls the sweep.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void timeOut(Transfers.Due due, Instant now) {
        if (handovers.tryLock(due.tenantId(), due.interactionId()).isEmpty()) {
            return;
        }
        transfers.pendingOf(due.tenantId(), due.interactionId())
                .filter(transfer -> transfer.id().equals(due.transferId()) && !now.isBefore(transfer.deadline()))
                .ifPresent(transfer -> {
                    transfer.timeOut(now);
                    handovers.release(due.tenantId(), due.interactionId(), InteractionCause.TRANSFER_TIMED_OUT,
                            null);
                });
    }

    public List<Transfers.Due> due(Instant now) {
        return transfers.due(now, 50);
    }

    /** Counts a failed timeout in a transaction of its own (the attempt's rolled back); true: quarantined. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordFailure(Transfers.Due due) {
        return transfers.recordFailure(due.transferId());
    }

    /** The interaction's transfers, oldest first. */
    public List<TransferView> of(UUID tenantId, UUID interactionId) {
        handovers.requireKnown(tenantId, interactionId);
        return transfers.of(tenantId, interactionId).stream().map(Transfer::view).toList();
    }

    /** The transfer dialog's lists: agents with their availability on the channel, queues with their waiting. */
    public TransferTargets targets(UUID tenantId, UUID interactionId, String search) {
        return handovers.targets(tenantId, interactionId, search);
    }

    private Transfer pending(UUID tenantId, UUID interactionId) {
        return transfers.pendingOf(tenantId, interactionId).orElseThrow(() -> new ConflictException(
                "no-pending-transfer", "Interaction " + interactionId + " has no pending transfer (it was answered, "
                + "called off or timed out already)."));
    }

    /** The clock routing judges deadlines by, to the microsecond PostgreSQL stores. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
