package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import static io.switchboard.api.routing.InteractionState.ABANDONED;
import static io.switchboard.api.routing.InteractionState.ACTIVE;
import static io.switchboard.api.routing.InteractionState.DONE;
import static io.switchboard.api.routing.InteractionState.OFFERED;
import static io.switchboard.api.routing.InteractionState.PARKED;
import static io.switchboard.api.routing.InteractionState.QUEUED;
import static io.switchboard.api.routing.InteractionState.WRAP_UP;

/**
 * A customer contact on one channel and the aggregate root of its lifecycle: Queued → Offered → Active → Wrap-up →
 * Done, or Abandoned while queued. An offer that is rejected or not answered in time goes back to the queue at its
 * original position ({@code queuedSince} never changes) and that agent is skipped for it from then on. Every
 * transition returns the event that announces it.
 */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "queue_id", nullable = false)
    private UUID queueId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InteractionState state;

    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;

    @Column(name = "customer_address", nullable = false)
    private String customerAddress;

    /** The customer (contact) the address belongs to. */
    @Column(name = "customer_id")
    private UUID customerId;

    /** The channel's content as JSON (transcript, subject and body, call data, ...). */
    @Column(nullable = false)
    private String content;

    @Column(name = "queued_since", nullable = false)
    private Instant queuedSince;

    @Column(name = "agent_id")
    private UUID agentId;

    @Column(name = "offer_deadline")
    private Instant offerDeadline;

    /** Comma-separated ids of agents who rejected or let the offer time out. */
    @Column(name = "skipped_agents", nullable = false)
    private String skippedAgents = "";

    @Column(name = "wrap_up_code")
    private String wrapUpCode;

    /** When this call's After-Call-Work ends; null while none runs or while it runs until Done. */
    @Column(name = "acw_deadline")
    private Instant acwDeadline;

    @Column(name = "acw_running", nullable = false)
    private boolean acwRunning;

    /** The personal workbin it is parked in, or null. */
    @Column(name = "workbin_agent_id")
    private UUID workbinAgentId;

    /** The team workbin (of a queue) it is parked in, or null. */
    @Column(name = "workbin_queue_id")
    private UUID workbinQueueId;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Interaction() {
    }

    public Interaction(UUID tenantId, RoutingQueue queue, Channel channel, String idempotencyKey,
                       String customerAddress, String content, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId);
        this.queueId = queue.id();
        this.channel = Objects.requireNonNull(channel);
        this.state = QUEUED;
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey);
        this.customerAddress = Objects.requireNonNull(customerAddress);
        this.content = Objects.requireNonNull(content);
        this.queuedSince = now;
        this.updatedAt = now;
    }

    /** Links the interaction to the customer its address belongs to. */
    public void belongsTo(UUID customer) {
        this.customerId = Objects.requireNonNull(customer);
    }

    public UUID customerId() {
        return customerId;
    }

    /** The event announcing that the interaction entered its queue. */
    public InteractionEvent queuedEvent() {
        return event(null, updatedAt);
    }

    public InteractionEvent offerTo(UUID agent, Instant deadline, Instant now) {
        require(QUEUED, "be offered");
        if (isSkipped(agent)) {
            throw new IllegalTransitionException("Agent " + agent + " already declined interaction " + id + ".");
        }
        this.agentId = agent;
        this.offerDeadline = deadline;
        return moveTo(OFFERED, now);
    }

    public InteractionEvent accept(UUID agent, Instant now) {
        requireOfferedTo(agent, "accept");
        this.offerDeadline = null;
        return moveTo(ACTIVE, now);
    }

    /** The agent declines: back to the queue at its original position, never offered to that agent again. */
    public InteractionEvent reject(UUID agent, Instant now) {
        requireOfferedTo(agent, "reject");
        return requeueSkipping(agent, now);
    }

    /** The offer was not accepted before its deadline (RONA). */
    public InteractionEvent takeBackUnanswered(Instant now) {
        require(OFFERED, "be taken back");
        if (now.isBefore(offerDeadline)) {
            throw new IllegalTransitionException("The offer of " + id + " runs until " + offerDeadline + ".");
        }
        return requeueSkipping(agentId, now);
    }

    /** The agent ends the call or chat; a voice call in a queue with ACW starts its After-Call-Work (IX5). */
    public InteractionEvent end(UUID agent, RoutingQueue queue, Instant now) {
        requireHandledBy(agent, ACTIVE, "end");
        if (channel == Channel.VOICE && queue.acwSeconds() != 0) {
            acwRunning = true;
            acwDeadline = queue.acwSeconds() > 0 ? now.plusSeconds(queue.acwSeconds()) : null;
        }
        return moveTo(WRAP_UP, now);
    }

    /** Longer ACW: {@code seconds} more from the later of now and the current deadline, or -1 until Done. */
    public void extendAfterCallWork(UUID agent, int seconds, Instant now) {
        requireHandledBy(agent, WRAP_UP, "extend After-Call-Work");
        if (!acwRunning) {
            throw new IllegalTransitionException("no-acw", "Interaction " + id + " has no After-Call-Work running.");
        }
        if (seconds == -1) {
            acwDeadline = null;
        } else if (seconds > 0 && seconds <= 86_400) {
            if (acwDeadline != null) {       // null: it already runs until Done
                acwDeadline = (acwDeadline.isBefore(now) ? now : acwDeadline).plusSeconds(seconds);
            }
        } else {
            throw new InvalidRequestException("invalid-acw", "Extend by 1 to 86400 seconds, or -1 until done.");
        }
    }

    /** The ACW deadline passed (or Done ended it); the interaction itself stays in wrap-up until Done. */
    public void finishAfterCallWork() {
        acwRunning = false;
        acwDeadline = null;
    }

    public boolean afterCallWorkRunning() {
        return acwRunning;
    }

    public Instant afterCallWorkDeadline() {
        return acwDeadline;
    }

    /** Mark Done, with a wrap-up code from the queue's list; required codes are enforced (IX7). */
    public InteractionEvent markDone(UUID agent, String code, RoutingQueue queue, Instant now) {
        requireHandledBy(agent, WRAP_UP, "mark done");
        if (code == null || code.isBlank()) {
            if (queue.wrapUpRequired()) {
                throw new IllegalTransitionException("wrap-up-required", "Queue " + queue.name()
                        + " requires a wrap-up code before Done; one of " + queue.wrapUpCodes() + ".");
            }
        } else if (!queue.wrapUpCodes().contains(code)) {
            throw new InvalidRequestException("unknown-wrap-up-code", "'" + code + "' is not a wrap-up code of queue "
                    + queue.name() + "; one of " + queue.wrapUpCodes() + ".");
        }
        this.wrapUpCode = code == null || code.isBlank() ? null : code;
        finishAfterCallWork();
        return moveTo(DONE, now);
    }

    /**
     * IX8: the agent parks an active email or workitem in a workbin — an agent's personal one or a queue's team one;
     * it then holds no agent and takes no capacity.
     */
    public InteractionEvent park(UUID agent, Workbin workbin, Instant now) {
        requireHandledBy(agent, ACTIVE, "park");
        if (channel != Channel.EMAIL && channel != Channel.WORKITEM) {
            throw new InvalidRequestException("not-parkable", "Only emails and workitems go to workbins; this is "
                    + channel + ".");
        }
        putIn(workbin);
        this.agentId = null;
        return moveTo(PARKED, now);
    }

    /** From one workbin to another (another agent's, or a team's). */
    public void moveTo(Workbin workbin) {
        require(PARKED, "move between workbins");
        putIn(workbin);
    }

    /** An agent takes a parked interaction back into their hands. */
    public InteractionEvent pickUp(UUID agent, Instant now) {
        require(PARKED, "be picked up");
        this.workbinAgentId = null;
        this.workbinQueueId = null;
        this.agentId = agent;
        return moveTo(ACTIVE, now);
    }

    /** The workbin it is parked in, if it is parked. */
    public java.util.Optional<Workbin> workbin() {
        if (state != PARKED) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(workbinAgentId != null ? Workbin.personal(workbinAgentId)
                : Workbin.team(workbinQueueId));
    }

    private void putIn(Workbin workbin) {
        this.workbinAgentId = workbin.agentId();
        this.workbinQueueId = workbin.queueId();
    }

    /** The agent handling the chat writes to the customer; the message joins the transcript. */
    public InteractionEvent sendChatMessage(UUID agent, String text, Instant now) {
        requireHandledBy(agent, ACTIVE, "send a message");
        return appendChatMessage("agent", text, now);
    }

    /** The customer writes in their chat, while it waits or while an agent has it. */
    public InteractionEvent receiveChatMessage(String text, Instant now) {
        if (state == DONE || state == ABANDONED || state == WRAP_UP) {
            throw new IllegalTransitionException("chat-closed", "Chat " + id + " is " + state
                    + "; it takes no more messages.");
        }
        return appendChatMessage("customer", text, now);
    }

    private InteractionEvent appendChatMessage(String from, String text, Instant now) {
        this.content = InteractionContent.stored(channel, content).withChatMessage(from, text, now).json();
        this.updatedAt = now;
        return event(state, now);
    }

    /** The customer left before anyone took the interaction. */
    public InteractionEvent abandon(Instant now) {
        require(QUEUED, "be abandoned");
        return moveTo(ABANDONED, now);
    }

    public boolean isSkipped(UUID agent) {
        return !skippedAgents.isEmpty() && Arrays.asList(skippedAgents.split(",")).contains(agent.toString());
    }

    private InteractionEvent requeueSkipping(UUID agent, Instant now) {
        skippedAgents = skippedAgents.isEmpty() ? agent.toString() : skippedAgents + "," + agent;
        this.agentId = null;
        this.offerDeadline = null;
        return moveTo(QUEUED, now);
    }

    private void requireOfferedTo(UUID agent, String action) {
        require(OFFERED, action);
        if (!agent.equals(agentId)) {
            throw new AccessDeniedException("Interaction " + id + " is offered to another agent; cannot " + action
                    + ".");
        }
    }

    private void requireHandledBy(UUID agent, InteractionState expected, String action) {
        if (!agent.equals(agentId) && state != QUEUED) {
            throw new AccessDeniedException("Interaction " + id + " is handled by another agent; cannot " + action
                    + ".");
        }
        require(expected, action);
    }

    private void require(InteractionState expected, String action) {
        if (state != expected) {
            throw new IllegalTransitionException("Interaction " + id + " is " + state + "; cannot " + action + ".");
        }
    }

    private InteractionEvent moveTo(InteractionState target, Instant now) {
        InteractionState from = state;
        this.state = target;
        this.updatedAt = now;
        return event(from, now);
    }

    private InteractionEvent event(InteractionState from, Instant at) {
        return new InteractionEvent(UUID.randomUUID(), tenantId, id, channel, queueId, from, state, agentId,
                offerDeadline, customerAddress, at);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID queueId() {
        return queueId;
    }

    public Channel channel() {
        return channel;
    }

    public InteractionState state() {
        return state;
    }

    public UUID agentId() {
        return agentId;
    }

    public String customerAddress() {
        return customerAddress;
    }

    public String content() {
        return content;
    }

    public Instant queuedSince() {
        return queuedSince;
    }

    public Instant offerDeadline() {
        return offerDeadline;
    }

    public String wrapUpCode() {
        return wrapUpCode;
    }

    public String skippedAgents() {
        return skippedAgents;
    }
}
