package io.switchboard.collaboration.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.collaboration.TransferState;
import io.switchboard.api.collaboration.TransferView;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.IllegalTransitionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A transfer of an interaction (CO3, CO4): to an agent it is PENDING until the target accepts or rejects, the sender
 * (or a supervisor) cancels, the deadline passes, the target leaves the channel or the interaction ends; to a queue
 * it is done at once (QUEUED). Each ending happens once: every transition starts from PENDING, under the locks of
 * both agents and the interaction, so of two that race the second finds it ended.
 */
@Entity
@Table(name = "transfer")
public class Transfer {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "interaction_id", nullable = false)
    private UUID interactionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "sender_id", nullable = false)
    private UUID senderId;

    /** The sender, or the supervisor who transferred on the sender's behalf. */
    @Column(name = "requested_by", nullable = false)
    private UUID requestedBy;

    @Column(name = "target_agent_id")
    private UUID targetAgentId;

    @Column(name = "target_queue_id")
    private UUID targetQueueId;

    /** An agent-initiated outbound task: at most one of an agent's may be in transfer at a time (CO5). */
    @Column(nullable = false)
    private boolean outbound;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TransferState state;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column
    private Instant deadline;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private UUID endedBy;

    @Version
    private long version;

    protected Transfer() {
    }

    private Transfer(UUID tenantId, UUID interactionId, Channel channel, UUID senderId, UUID requestedBy,
                     boolean outbound, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId);
        this.interactionId = Objects.requireNonNull(interactionId);
        this.channel = Objects.requireNonNull(channel);
        this.senderId = Objects.requireNonNull(senderId);
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.outbound = outbound;
        this.requestedAt = now;
    }

    /** A transfer to an agent, ringing for them until {@code deadline}. */
    public static Transfer toAgent(UUID tenantId, UUID interactionId, Channel channel, UUID senderId,
                                   UUID requestedBy, UUID target, boolean outbound, Instant deadline, Instant now) {
        Transfer transfer = new Transfer(tenantId, interactionId, channel, senderId, requestedBy, outbound, now);
        transfer.targetAgentId = Objects.requireNonNull(target);
        transfer.deadline = Objects.requireNonNull(deadline);
        transfer.state = TransferState.PENDING;
        return transfer;
    }

    /** A transfer into a queue: the interaction is there already, so it is complete as it is recorded. */
    public static Transfer toQueue(UUID tenantId, UUID interactionId, Channel channel, UUID senderId,
                                   UUID requestedBy, UUID queue, boolean outbound, Instant now) {
        Transfer transfer = new Transfer(tenantId, interactionId, channel, senderId, requestedBy, outbound, now);
        transfer.targetQueueId = Objects.requireNonNull(queue);
        transfer.state = TransferState.QUEUED;
        transfer.endedAt = now;
        transfer.endedBy = requestedBy;
        return transfer;
    }

    /** Only the target answers, and only before the deadline: past it the transfer is the sender's again. */
    public void accept(UUID agent, Instant now) {
        requireTarget(agent, "accept");
        if (!now.isBefore(deadline)) {
            throw new IllegalTransitionException("transfer-expired", "The transfer of interaction " + interactionId
                    + " was not answered by " + deadline + "; it goes back to the agent who sent it.");
        }
        end(TransferState.ACCEPTED, agent, now);
    }

    public void reject(UUID agent, Instant now) {
        requireTarget(agent, "reject");
        end(TransferState.REJECTED, agent, now);
    }

    /** The sender calls it off, or a supervisor ({@code onBehalf}) for them. */
    public void cancel(UUID actor, boolean onBehalf, Instant now) {
        if (!onBehalf && !actor.equals(senderId)) {
            throw new AccessDeniedException("Only the agent who transferred interaction " + interactionId
                    + " (or a supervisor) can cancel the transfer.");
        }
        end(TransferState.CANCELLED, actor, now);
    }

    /** The deadline passed without an answer. */
    public void timeOut(Instant now) {
        require("time out");
        if (now.isBefore(deadline)) {
            throw new IllegalTransitionException("Transfer " + id + " rings until " + deadline + ".");
        }
        end(TransferState.TIMED_OUT, null, now);
    }

    /** The target left the channel while it rang. */
    public void withdraw(Instant now) {
        end(TransferState.WITHDRAWN, null, now);
    }

    /** The interaction ended while it rang (the customer left, wrap-up was forced by {@code actor}). */
    public void abort(UUID actor, Instant now) {
        end(TransferState.ABORTED, actor, now);
    }

    private void requireTarget(UUID agent, String action) {
        require(action);
        if (!agent.equals(targetAgentId)) {
            throw new AccessDeniedException("The transfer of interaction " + interactionId + " is for another agent; "
                    + "only they can " + action + " it.");
        }
    }

    private void require(String action) {
        if (!state.isPending()) {
            throw new IllegalTransitionException("transfer-not-pending", "The transfer of interaction "
                    + interactionId + " is already " + state + "; cannot " + action + ".");
        }
    }

    private void end(TransferState outcome, UUID by, Instant now) {
        require("end it as " + outcome);
        this.state = outcome;
        this.endedAt = now;
        this.endedBy = by;
    }

    public TransferView view() {
        return new TransferView(id, interactionId, channel, senderId, requestedBy, targetAgentId, targetQueueId,
                state, requestedAt, deadline, endedAt, endedBy);
    }

    public UUID id() {
        return id;
    }

    public UUID interactionId() {
        return interactionId;
    }

    public UUID senderId() {
        return senderId;
    }

    public UUID targetAgentId() {
        return targetAgentId;
    }

    public TransferState state() {
        return state;
    }

    public Instant deadline() {
        return deadline;
    }
}
