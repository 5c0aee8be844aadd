package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionState;
import jakarta.json.JsonObject;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * Done, or Abandoned when the customer leaves while it waits or rings. An offer that is rejected, not answered in
 * time, or withdrawn because the agent left goes back to the queue at its original position ({@code queuedSince}
 * never changes); an agent who rejected or let it time out is skipped for it from then on. Every change returns the
 * event that announces it, numbered per interaction. After-Call-Work and workbin placement are value objects; the
 * skip list is a set of child rows.
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

    /** Where the customer wrote to; an email or SMS reply leaves from that address. Null before it was recorded. */
    @Column(name = "entry_point_id")
    private UUID entryPointId;

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

    /** Agents who rejected the offer or let it time out; never offered it again. */
    @ElementCollection
    @CollectionTable(name = "interaction_skip", joinColumns = @JoinColumn(name = "interaction_id"))
    @Column(name = "agent_id", nullable = false)
    private Set<UUID> skippedAgents = new HashSet<>();

    @Column(name = "wrap_up_code")
    private String wrapUpCode;

    @Embedded
    private AfterCallWork afterCallWork = AfterCallWork.none();

    @Embedded
    private WorkbinPlacement placement;

    /** The sequence number of the last event announced for this interaction. */
    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /**
     * The agent a transfer of this interaction rings for (null: none pending). Its holder keeps it meanwhile but may
     * not end, park or wrap it up: the moment it would leave their hands belongs to the target's answer.
     */
    @Column(name = "transfer_target_id")
    private UUID transferTargetId;

    @Column(name = "transfer_deadline")
    private Instant transferDeadline;

    /** Transfers so far, to agents and queues; bounded per interaction so work cannot bounce forever. */
    @Column(name = "transfer_count", nullable = false)
    private int transferCount;

    /** An agent started it (outbound SMS or email): no conference (OB11), one in transfer per agent (CO5). */
    @Column(nullable = false)
    private boolean outbound;

    /** Colleagues in conference with the holder now (their parts are participations; this spares looking). */
    @Column(name = "conference_size", nullable = false)
    private int conferenceSize;

    /** When the interaction entered its current state (what the agent's task panel counts from). */
    @Column(name = "state_since", nullable = false)
    private Instant stateSince;

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
        this.stateSince = now;
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
        return event(null, null, InteractionCause.CREATED, updatedAt);
    }

    public InteractionEvent offerTo(UUID agent, Instant deadline, Instant now) {
        require(QUEUED, "be offered");
        if (isSkipped(agent)) {
            throw new IllegalTransitionException("Agent " + agent + " already declined interaction " + id + ".");
        }
        this.agentId = agent;
        this.offerDeadline = deadline;
        return moveTo(OFFERED, InteractionCause.OFFERED, now);
    }

    public InteractionEvent accept(UUID agent, Instant now) {
        requireOfferedTo(agent, "accept");
        this.offerDeadline = null;
        return moveTo(ACTIVE, InteractionCause.ACCEPTED, now);
    }

    /** The agent declines: back to the queue at its original position, never offered to that agent again. */
    public InteractionEvent reject(UUID agent, Instant now) {
        requireOfferedTo(agent, "reject");
        skippedAgents.add(agent);
        return requeue(InteractionCause.REJECTED, now);
    }

    /** The offer was not accepted before its deadline (RONA); that agent is not offered it again. */
    public InteractionEvent takeBackUnanswered(Instant now) {
        require(OFFERED, "be taken back");
        if (now.isBefore(offerDeadline)) {
            throw new IllegalTransitionException("The offer of " + id + " runs until " + offerDeadline + ".");
        }
        skippedAgents.add(agentId);
        return requeue(InteractionCause.NO_ANSWER, now);
    }

    /**
     * The agent it is offered to left the channel (logged off, went Not Ready, went to RONA): the offer is taken back
     * at once and the interaction returns to its place. The agent is not skipped: they may take it when back.
     */
    public InteractionEvent withdrawOffer(Instant now) {
        require(OFFERED, "be withdrawn");
        return requeue(InteractionCause.AGENT_LEFT, now);
    }

    /** The agent ends the call or chat; a voice call in a queue with ACW starts its After-Call-Work (IX5). */
    public InteractionEvent end(UUID agent, RoutingQueue queue, Instant now) {
        requireHandledBy(agent, ACTIVE, "end");
        requireNoTransferPending("end it");
        return endIntoWrapUp(queue, InteractionCause.ENDED, now);
    }

    /**
     * A supervisor ends the agent's call or chat for them (stuck work: an agent who cannot, a client that crashed):
     * the same end as the agent's, into wrap-up (and a call's After-Call-Work), recorded as the supervisor's doing.
     */
    public InteractionEvent forceWrapUp(UUID supervisor, RoutingQueue queue, Instant now) {
        require(ACTIVE, "be forced into wrap-up");
        return endIntoWrapUp(queue, InteractionCause.FORCED_WRAP_UP, now).by(supervisor);
    }

    /**
     * The customer left (hung up, closed the chat). Waiting or ringing, the interaction is abandoned and an offer is
     * withdrawn without putting the agent in RONA; in progress, a call or chat ends into wrap-up (a chat's transcript
     * says so) as if the agent had ended it. Emails and workitems have no customer present to leave.
     */
    public InteractionEvent customerLeft(RoutingQueue queue, Instant now) {
        if (state == QUEUED || state == OFFERED) {
            UUID offeredTo = agentId;
            this.agentId = null;
            this.offerDeadline = null;
            return moveTo(ABANDONED, InteractionCause.CUSTOMER_LEFT, now, offeredTo);
        }
        if (state != ACTIVE || channel == Channel.EMAIL || channel == Channel.WORKITEM) {
            throw new IllegalTransitionException("Interaction " + id + " is " + state + " on " + channel
                    + "; a customer can leave only while it waits, rings or is in progress on a live channel.");
        }
        if (channel == Channel.CHAT) {
            appendMarker("The customer left the chat.", now);
        }
        return endIntoWrapUp(queue, InteractionCause.CUSTOMER_LEFT, now);
    }

    /** Into wrap-up; a transfer still ringing is called off with it (the event names its target). */
    private InteractionEvent endIntoWrapUp(RoutingQueue queue, InteractionCause cause, Instant now) {
        if (channel == Channel.VOICE) {
            afterCallWork = AfterCallWork.startedFor(queue.acwSeconds(), now);
        }
        UUID calledOff = transferTargetId;
        clearTransfer();
        return moveTo(WRAP_UP, cause, now).with(calledOff);
    }

    /**
     * CO3: its holder (or a supervisor for them) transfers it to another agent; the offer rings for the target until
     * {@code deadline} while the holder keeps it. Whether the target may take it (logged in, Ready, room) is the
     * caller's check, under the target's row lock.
     */
    public InteractionEvent requestTransfer(UUID sender, UUID target, Instant deadline, int maxTransfers,
                                            Instant now) {
        requireHandledBy(sender, ACTIVE, "transfer");
        requireNoTransferPending("transfer it again");
        requireTransfersLeft(maxTransfers);
        if (target.equals(sender)) {
            throw new InvalidRequestException("transfer-to-self", "An agent cannot transfer an interaction to "
                    + "themself.");
        }
        this.transferTargetId = target;
        this.transferDeadline = Objects.requireNonNull(deadline);
        return changed(InteractionCause.TRANSFER_REQUESTED, now).with(target);
    }

    /** The target accepted: the interaction is theirs, as it is (transcript and history); the sender wraps up. */
    public InteractionEvent completeTransfer(UUID target, Instant now) {
        if (!target.equals(transferTargetId)) {
            throw new IllegalTransitionException("no-pending-transfer", "No transfer of interaction " + id
                    + " rings for agent " + target + ".");
        }
        UUID sender = agentId;
        this.agentId = target;
        this.transferCount++;
        clearTransfer();
        return moveTo(ACTIVE, InteractionCause.TRANSFERRED, now, sender);
    }

    /**
     * The transfer ended without moving it (rejected, timed out, cancelled, the target left): it is the holder's
     * again, unfrozen; {@code why} is one of the TRANSFER_ causes and the event names the target.
     */
    public InteractionEvent releaseTransfer(InteractionCause why, Instant now) {
        if (transferTargetId == null) {
            throw new IllegalTransitionException("no-pending-transfer", "Interaction " + id
                    + " has no pending transfer.");
        }
        UUID target = transferTargetId;
        clearTransfer();
        return changed(why, now).with(target);
    }

    /**
     * CO4: its holder transfers it into a queue (which serves its channel: the caller's check). It waits there again
     * — keeping the customer's first arrival time when the queue puts transfers ahead — and is never offered back
     * to the sender, who wraps up, nor to anyone else still wrapping up an earlier handover of it.
     */
    public InteractionEvent transferToQueue(UUID sender, RoutingQueue target, java.util.Collection<UUID>
            stillWrappingUp, int maxTransfers, Instant now) {
        requireHandledBy(sender, ACTIVE, "transfer");
        requireNoTransferPending("transfer it again");
        requireTransfersLeft(maxTransfers);
        this.queueId = target.id();
        if (!target.transfersWaitAhead()) {
            this.queuedSince = now;
        }
        skippedAgents.add(sender);
        skippedAgents.addAll(stillWrappingUp);
        this.agentId = null;
        this.transferCount++;
        return moveTo(QUEUED, InteractionCause.TRANSFERRED_TO_QUEUE, now, sender);
    }

    /** The agent who handed it over finished their wrap-up: announced to whoever holds it now and to them. */
    public InteractionEvent handoverDone(UUID sender, Instant now) {
        return changed(InteractionCause.HANDOVER_DONE, now).with(sender);
    }

    private void requireNoTransferPending(String action) {
        if (transferTargetId != null) {
            throw new IllegalTransitionException("transfer-pending", "Interaction " + id + " is being transferred; "
                    + "cancel the transfer or wait for the answer before you " + action + ".");
        }
    }

    private void requireTransfersLeft(int maxTransfers) {
        if (transferCount >= maxTransfers) {
            throw new IllegalTransitionException("too-many-transfers", "Interaction " + id + " was transferred "
                    + transferCount + " times, the most allowed.");
        }
    }

    private void clearTransfer() {
        this.transferTargetId = null;
        this.transferDeadline = null;
    }

    /** The row version (optimistic lock): every change of the interaction, and only a change, moves it. */
    public long version() {
        return version;
    }

    public UUID transferTargetId() {
        return transferTargetId;
    }

    public Instant transferDeadline() {
        return transferDeadline;
    }

    public int transferCount() {
        return transferCount;
    }

    /** Longer ACW: {@code seconds} more from the later of now and the current deadline, or -1 until Done. */
    public InteractionEvent extendAfterCallWork(UUID agent, int seconds, Instant now) {
        requireHandledBy(agent, WRAP_UP, "extend After-Call-Work");
        requireAfterCallWork();
        afterCallWork = afterCallWork.extendedBy(seconds, now);
        return changed(InteractionCause.ACW_EXTENDED, now);
    }

    /** The ACW deadline passed; the interaction itself stays in wrap-up until Done. */
    public InteractionEvent finishAfterCallWork(Instant now) {
        require(WRAP_UP, "end After-Call-Work");
        requireAfterCallWork();
        if (afterCallWork.deadline() == null || now.isBefore(afterCallWork.deadline())) {
            throw new IllegalTransitionException("Interaction " + id + "'s After-Call-Work is not over.");
        }
        afterCallWork = AfterCallWork.none();
        return changed(InteractionCause.ACW_ENDED, now);
    }

    private void requireAfterCallWork() {
        if (!afterCallWork.running()) {
            throw new IllegalTransitionException("no-acw", "Interaction " + id + " has no After-Call-Work running.");
        }
    }

    public boolean afterCallWorkRunning() {
        return afterCallWork.running();
    }

    public Instant afterCallWorkDeadline() {
        return afterCallWork.deadline();
    }

    /** Mark Done, with a wrap-up code from the queue's list; required codes are enforced (IX7). Ends any ACW. */
    public InteractionEvent markDone(UUID agent, String code, RoutingQueue queue, Instant now) {
        requireHandledBy(agent, WRAP_UP, "mark done");
        this.wrapUpCode = queue.checkedWrapUpCode(code);
        afterCallWork = AfterCallWork.none();
        return moveTo(DONE, InteractionCause.DONE, now);
    }

    /**
     * IX8: the agent parks an active email or workitem in a workbin — an agent's personal one or a queue's team one;
     * it then holds no agent and takes no capacity.
     */
    public InteractionEvent park(UUID agent, Workbin workbin, Instant now) {
        requireHandledBy(agent, ACTIVE, "park");
        requireNoTransferPending("park it");
        if (channel != Channel.EMAIL && channel != Channel.WORKITEM) {
            throw new InvalidRequestException("not-parkable", "Only emails and workitems go to workbins; this is "
                    + channel + ".");
        }
        placement = WorkbinPlacement.in(workbin);
        this.agentId = null;
        return moveTo(PARKED, InteractionCause.PARKED, now, agent);
    }

    /** From one workbin to another (another agent's, or a team's). */
    public InteractionEvent moveTo(Workbin workbin, Instant now) {
        require(PARKED, "move between workbins");
        placement = WorkbinPlacement.in(workbin);
        return changed(InteractionCause.WORKBIN_MOVED, now);
    }

    /** An agent takes a parked interaction back into their hands. */
    public InteractionEvent pickUp(UUID agent, Instant now) {
        require(PARKED, "be picked up");
        placement = null;
        this.agentId = agent;
        return moveTo(ACTIVE, InteractionCause.PICKED_UP, now);
    }

    /** The workbin it is parked in, if it is parked. */
    public Optional<Workbin> workbin() {
        return state != PARKED || placement == null ? Optional.empty() : placement.workbin();
    }

    /**
     * An agent of the conversation writes to the customer under their display name, which the customer sees: its
     * holder, or a colleague in conference with them ({@code inConference}: the caller's check).
     */
    public InteractionEvent sendChatMessage(UUID agent, boolean inConference, String name, String text,
                                            Instant now) {
        if (!inConference) {
            requireHandledBy(agent, ACTIVE, "send a message");
        }
        require(ACTIVE, "send a message");
        this.content = InteractionContent.stored(channel, content).withChatMessage("agent", agent, name, text, now)
                .json();
        return changed(InteractionCause.MESSAGE, now);
    }

    /**
     * CO2: a colleague joins the holder in a live chat or call (not emails or workitems, and not while a transfer
     * rings). Their part and its capacity are the caller's.
     */
    public InteractionEvent conferenceJoined(UUID colleague, Instant now) {
        require(ACTIVE, "take a colleague in");
        requireNoTransferPending("bring a colleague in");
        // the outbound rule first: for a conversation an agent started, that is the reason the agent must hear (OB11)
        if (outbound) {
            throw new IllegalTransitionException("outbound-no-conference", "A conversation an agent started (outbound) "
                    + "takes no conference; transfer it instead.");
        }
        if (channel != Channel.CHAT && channel != Channel.VOICE) {
            throw new InvalidRequestException("not-conferenceable", "Only chats and calls take a conference; this is "
                    + channel + ".");
        }
        if (colleague.equals(agentId)) {
            throw new InvalidRequestException("conference-self", "The agent handling it is in it already.");
        }
        conferenceSize++;
        return changed(InteractionCause.CONFERENCE_JOINED, now).with(colleague);
    }

    /** A colleague left the conference (or it ended with the conversation); the holder keeps it. */
    public InteractionEvent conferenceLeft(UUID colleague, Instant now) {
        if (conferenceSize == 0) {
            throw new IllegalTransitionException("not-in-conference", "Nobody is in conference on " + id + ".");
        }
        conferenceSize--;
        return changed(InteractionCause.CONFERENCE_LEFT, now).with(colleague);
    }

    /**
     * Marks it as started by an agent (outbound): the collaboration rules for them apply from then on (no
     * conference, one in transfer at a time per agent).
     */
    public Interaction startedByAgent() {
        this.outbound = true;
        return this;
    }

    /**
     * OB6: the agent who started this conversation has it at once, accepted by starting it — no offer, no RONA.
     * Only a conversation just made, not yet routed.
     */
    public InteractionEvent startOutbound(UUID agent, Instant now) {
        require(QUEUED, "be started by an agent");
        if (agentId != null) {
            throw new IllegalTransitionException("Interaction " + id + " was routed already; an agent cannot start it.");
        }
        this.outbound = true;
        this.agentId = Objects.requireNonNull(agent);
        return moveTo(ACTIVE, InteractionCause.OUTBOUND_STARTED, now, null);
    }

    public boolean outbound() {
        return outbound;
    }

    /** Records the entry point the customer came through. */
    public Interaction cameThrough(EntryPoint entryPoint) {
        this.entryPointId = entryPoint.id();
        return this;
    }

    public Optional<UUID> entryPointId() {
        return Optional.ofNullable(entryPointId);
    }

    /** Whether colleagues are in conference with the holder. */
    public boolean inConference() {
        return conferenceSize > 0;
    }

    /** The holder leaves the conference: it goes to the colleague who stays, and the former holder wraps up. */
    public InteractionEvent handOverInConference(UUID holder, UUID colleague, Instant now) {
        requireHandledBy(holder, ACTIVE, "leave the conference");
        requireNoTransferPending("leave");
        if (conferenceSize == 0) {
            throw new IllegalTransitionException("not-in-conference", "Nobody is in conference on " + id + ".");
        }
        conferenceSize--;
        this.agentId = colleague;
        return moveTo(ACTIVE, InteractionCause.CONFERENCE_HANDED_OVER, now, holder);
    }

    /**
     * The customer wrote again in an email or SMS conversation: appended while it is waiting, offered, in hand or
     * parked. Empty when it is closed (wrap-up, done, abandoned) or cannot take the message (it holds no more, or the
     * message is not of the channel's shape): the adapter starts a new interaction with it, whose own checks speak.
     */
    public Optional<InteractionEvent> followUp(JsonObject message, Instant now) {
        if (!takesFollowUps()) {
            return Optional.empty();
        }
        InteractionContent next;
        try {
            next = InteractionContent.stored(channel, content).withMessage(message);
        } catch (InvalidRequestException full) {
            return Optional.empty();
        }
        this.content = next.json();
        return Optional.of(changed(InteractionCause.MESSAGE, now));
    }

    /** Whether a customer's next email or SMS still joins this conversation. */
    public boolean takesFollowUps() {
        return state != WRAP_UP && state != DONE && state != ABANDONED;
    }

    /** The agent who has it replies to the customer by email or SMS; sending is the channel adapter's, after commit. */
    public InteractionEvent reply(UUID agent, JsonObject message, Instant now) {
        requireHandledBy(agent, ACTIVE, "reply");
        if (channel != Channel.EMAIL && channel != Channel.SMS) {
            throw new InvalidRequestException("not-repliable", "Replies go out by email or SMS; this is " + channel
                    + ".");
        }
        try {
            this.content = InteractionContent.stored(channel, content).withMessage(message).json();
        } catch (InvalidRequestException refused) {
            if (!"content-too-large".equals(refused.code())) {
                throw refused;
            }
            // a long thread holds no more lines: the reply still goes out, and the replies list has it
        }
        return changed(InteractionCause.MESSAGE, now);
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
        return changed(InteractionCause.MESSAGE, now);
    }

    /** A system line in the transcript; skipped when the transcript is full, since the event says it too. */
    private void appendMarker(String text, Instant now) {
        try {
            this.content = InteractionContent.stored(channel, content).withChatMessage("system", text, now).json();
        } catch (InvalidRequestException transcriptFull) {
            // the CUSTOMER_LEFT event and the wrap-up state carry the fact
        }
    }

    public boolean isSkipped(UUID agent) {
        return skippedAgents.contains(agent);
    }

    private InteractionEvent requeue(InteractionCause cause, Instant now) {
        UUID offeredTo = agentId;
        this.agentId = null;
        this.offerDeadline = null;
        return moveTo(QUEUED, cause, now, offeredTo);
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

    private InteractionEvent moveTo(InteractionState target, InteractionCause cause, Instant now) {
        return moveTo(target, cause, now, agentId);
    }

    private InteractionEvent moveTo(InteractionState target, InteractionCause cause, Instant now, UUID formerAgent) {
        InteractionState from = state;
        this.state = target;
        this.updatedAt = now;
        this.stateSince = now;
        return event(from, formerAgent, cause, now);
    }

    private InteractionEvent changed(InteractionCause cause, Instant now) {
        this.updatedAt = now;
        return event(state, null, cause, now);
    }

    private InteractionEvent event(InteractionState from, UUID formerAgent, InteractionCause cause, Instant at) {
        eventSequence++;
        return new InteractionEvent(UUID.randomUUID(), tenantId, id, channel, queueId, from, state, agentId,
                offerDeadline, customerAddress, at, Objects.equals(formerAgent, agentId) ? null : formerAgent,
                cause, eventSequence, null, null, java.util.List.of());
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

    public Instant stateSince() {
        return stateSince;
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
}
