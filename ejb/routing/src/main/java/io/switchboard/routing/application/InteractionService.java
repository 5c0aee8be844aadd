package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionView;
import io.switchboard.routing.domain.CustomerAddress;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.InteractionContent;
import io.switchboard.routing.domain.Participation;
import io.switchboard.routing.domain.RoutingQueue;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.routing.infrastructure.Customers;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import io.switchboard.persistence.Constraints;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The interaction lifecycle (IX1, IX4, IX6, IX7): created through an entry point and routed in the same transaction;
 * accepted, rejected, ended and marked done by the agent it was offered to. Each call commits once.
 */
@Stateless
public class InteractionService {

    /** What an integration sends to create an interaction. */
    public record NewInteraction(Channel channel, String entryPoint, String customerAddress, JsonObject content,
                                 String idempotencyKey) {
    }

    /** The interaction and whether this call created it (false: the idempotency key was seen before). */
    public record Created(InteractionView interaction, boolean created) {
    }

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingEngine engine;

    @Inject
    RoutingCandidates candidates;

    @Inject
    InteractionEventsFired events;

    @Inject
    InteractionViews views;

    @Inject
    Customers customers;

    @Inject
    TransferHolds holds;

    @Inject
    InteractionLocks locks;

    @EJB
    io.switchboard.api.agentstate.AgentDirectory directory;

    @EJB
    AgentWork agentWork;

    public Created create(UUID tenantId, NewInteraction request) {
        // Checked here, not only on the REST record: JMS commands come this way too.
        String key = request.idempotencyKey();
        if (key == null || key.isBlank() || key.length() > 120) {
            throw new InvalidRequestException("invalid-idempotency-key", "An idempotency key is 1 to 120 characters.");
        }
        var existing = repository.byIdempotencyKey(tenantId, request.idempotencyKey());
        if (existing.isPresent()) {
            return new Created(views.of(existing.get()), false);
        }
        EntryPoint entryPoint = repository.entryPoint(tenantId, request.channel(), request.entryPoint());
        InteractionContent content = InteractionContent.of(request.channel(), request.content());
        RoutingQueue queue = repository.queue(tenantId, entryPoint.queueId());
        Instant now = now();
        CustomerAddress customerAddress = CustomerAddress.onChannel(request.channel(), request.customerAddress());
        Interaction interaction = new Interaction(tenantId, queue, request.channel(), request.idempotencyKey(),
                customerAddress.address(), content.json(), now).cameThrough(entryPoint);
        interaction.belongsTo(customers.matchOrCreate(tenantId, customerAddress));
        repository.add(interaction);
        // Another request with the same key is being created right now; the constraint let only one win.
        Constraints.run(repository::flush, java.util.Map.of("interaction_idempotent", () -> new ConflictException(
                "duplicate-in-flight",
                "An interaction with idempotency key '" + request.idempotencyKey() + "' is being created; retry.")));
        List<InteractionEvent> fired = new ArrayList<>();
        fired.add(interaction.queuedEvent());
        fired.addAll(engine.offer(interaction, now));
        events.fire(fired);
        return new Created(views.of(interaction), true);
    }

    public InteractionView accept(UUID tenantId, UUID agentId, UUID interactionId) {
        Interaction interaction = lockAsAgent(tenantId, agentId, interactionId);
        InteractionEvent accepted = interaction.accept(agentId, now());
        agentWork.startWork(tenantId, agentId, interaction.channel());
        events.fire(List.of(accepted));
        return views.of(interaction);
    }

    public InteractionView reject(UUID tenantId, UUID agentId, UUID interactionId) {
        Interaction interaction = lockAsAgent(tenantId, agentId, interactionId);
        Instant now = now();
        List<InteractionEvent> fired = new ArrayList<>();
        fired.add(interaction.reject(agentId, now));
        fired.addAll(engine.offer(interaction, now));
        events.fire(fired);
        return views.of(interaction);
    }

    public InteractionView end(UUID tenantId, UUID agentId, UUID interactionId) {
        Interaction interaction = lockAsAgent(tenantId, agentId, interactionId);
        boolean withColleagues = interaction.inConference();
        Instant now = now();
        InteractionEvent ended = interaction.end(agentId, repository.queueOf(interaction), now);
        if (withColleagues) {
            // Only now, once it is known to be the holder's to end; a busy colleague refuses it whole (retryable).
            locks.lockColleaguesWithoutWaiting(interaction);
        }
        events.fire(List.of(ended));
        events.fire(endConference(tenantId, interaction, now));
        events.fire(afterEnding(tenantId, agentId, interaction, now));
        return views.of(interaction);
    }

    /**
     * The conversation ended (the holder ended it, the customer left, a supervisor forced wrap-up): colleagues in
     * conference leave it, their work on the channel ends; the holder alone wraps it up. Their rows are locked.
     */
    private List<InteractionEvent> endConference(UUID tenantId, Interaction interaction, Instant now) {
        List<InteractionEvent> fired = new ArrayList<>();
        if (!interaction.inConference()) {
            return fired;
        }
        for (Participation colleague : repository.conferenceOf(interaction.id())) {
            colleague.leave(now);
            fired.add(interaction.conferenceLeft(colleague.agentId(), now));
            agentWork.endWork(tenantId, colleague.agentId(), interaction.channel());
            fired.addAll(engine.fillAfterEnding(tenantId, colleague.agentId(), interaction.channel(), now));
        }
        return fired;
    }

    /** The agent's side of work that ended into wrap-up, whoever ended it. */
    private List<InteractionEvent> afterEnding(UUID tenantId, UUID agentId, Interaction interaction, Instant now) {
        agentWork.endWork(tenantId, agentId, interaction.channel());
        if (interaction.afterCallWorkRunning()) {
            agentWork.startAfterCallWork(tenantId, agentId, interaction.channel());
        }
        // Ended work is no longer engaged: blending rules it triggered (a call blocking chats) stop applying.
        return engine.fillAfterEnding(tenantId, agentId, interaction.channel(), now);
    }

    public InteractionView markDone(UUID tenantId, UUID agentId, UUID interactionId, String wrapUpCode) {
        Interaction interaction = lockAsAgent(tenantId, agentId, interactionId);
        Instant now = now();
        // Their own wrap-up of it first, when they hold it again (picked up from a workbin) and owe both.
        boolean ownWrapUp = agentId.equals(interaction.agentId()) && interaction.state() == InteractionState.WRAP_UP;
        var handedOver = ownWrapUp ? java.util.Optional.<Participation>empty()
                : repository.openParticipation(interactionId, agentId)
                        .filter(part -> part.kind() == Participation.Kind.HANDED_OVER);
        if (handedOver.isPresent()) {
            // The wrap-up this agent owes after transferring it away (IX7), with the codes of the queue they had it in.
            Participation part = handedOver.get();
            part.wrapUp(wrapUpCode, repository.queue(tenantId, part.queueId()), now);
            events.fire(List.of(interaction.handoverDone(agentId, now)));
            events.fire(engine.fill(tenantId, agentId, now));
            return views.of(interaction, part);
        }
        RoutingQueue queue = repository.queueOf(interaction);
        boolean inAfterCallWork = interaction.afterCallWorkRunning();
        // Each change is announced (and stored in the history) as it happens, before agent state's own observers
        // can route other work; one payload per step keeps the stored order the order things happened in.
        events.fire(List.of(interaction.markDone(agentId, wrapUpCode, queue, now)));
        if (inAfterCallWork) {
            // Done ends the call's ACW; the next state is the queue's (automatic) unless it is MANUAL (IX6).
            agentWork.endAfterCallWork(tenantId, agentId, interaction.channel(), queue.acwNextState(),
                    queue.acwNextReason());
        }
        events.fire(engine.fill(tenantId, agentId, now));
        return views.of(interaction);
    }

    public InteractionView extendAfterCallWork(UUID tenantId, UUID agentId, UUID interactionId, int seconds) {
        Interaction interaction = lockAsAgent(tenantId, agentId, interactionId);
        events.fire(List.of(interaction.extendAfterCallWork(agentId, seconds, now())));
        return views.of(interaction);
    }

    /** The holder, or a colleague in conference with them, writes to the customer under their display name. */
    public InteractionView sendChatMessage(UUID tenantId, UUID agentId, UUID interactionId, String text) {
        Interaction interaction = lockAsAgent(tenantId, agentId, interactionId);
        var conferenced = agentId.equals(interaction.agentId()) ? java.util.Optional.<Participation>empty()
                : repository.openParticipation(interactionId, agentId)
                        .filter(part -> part.kind() == Participation.Kind.CONFERENCED);
        String name = directory.colleague(tenantId, agentId).map(c -> c.displayName()).orElse(null);
        events.fire(List.of(interaction.sendChatMessage(agentId, conferenced.isPresent(), name, text, now())));
        return conferenced.map(part -> views.of(interaction, part)).orElseGet(() -> views.of(interaction));
    }

    public InteractionView receiveChatMessage(UUID tenantId, UUID interactionId, String text) {
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        events.fire(List.of(interaction.receiveChatMessage(text, now())));
        return views.of(interaction);
    }

    /**
     * The customer left (hung up, closed the chat): waiting or ringing, the interaction is abandoned — an offer is
     * withdrawn at once, without RONA, and the agent it rang for may get the next waiting work; in progress, it ends
     * into wrap-up as if the agent had ended it.
     */
    public InteractionView customerLeft(UUID tenantId, UUID interactionId) {
        Interaction interaction = locks.lockConcerned(tenantId, interactionId, null, false);
        Instant now = now();
        InteractionState before = interaction.state();
        UUID agentId = interaction.agentId();
        InteractionEvent left = interaction.customerLeft(repository.queueOf(interaction), now);
        events.fire(List.of(left));
        events.fire(holds.calledOff(left, now));
        events.fire(endConference(tenantId, interaction, now));
        if (before == InteractionState.OFFERED) {
            events.fire(engine.fill(tenantId, agentId, now));
        } else if (before == InteractionState.ACTIVE) {
            events.fire(afterEnding(tenantId, agentId, interaction, now));
        }
        return views.of(interaction);
    }

    /**
     * A supervisor ends an agent's call or chat for them (the agent cannot, their desktop crashed): into wrap-up,
     * the agent's work on the channel ended as if they had ended it, and the history says who did it.
     */
    public InteractionView forceWrapUp(UUID tenantId, UUID supervisorId, UUID interactionId) {
        Interaction interaction = locks.lockConcerned(tenantId, interactionId, null, false);
        Instant now = now();
        UUID agentId = interaction.agentId();
        InteractionEvent forced = interaction.forceWrapUp(supervisorId, repository.queueOf(interaction), now);
        events.fire(List.of(forced));
        events.fire(holds.calledOff(forced, now));
        events.fire(endConference(tenantId, interaction, now));
        events.fire(afterEnding(tenantId, agentId, interaction, now));
        return views.of(interaction);
    }

    /** The interaction, locked after the row of the agent acting on it: the lock order (docs/architecture.md). */
    private Interaction lockAsAgent(UUID tenantId, UUID agentId, UUID interactionId) {
        candidates.lockAgent(agentId);
        return repository.lockInteraction(tenantId, interactionId);
    }

    /** The agent became Ready (or has room again): offer them what is waiting. */
    public void fillAgent(UUID tenantId, UUID agentId) {
        events.fire(engine.fill(tenantId, agentId, now()));
    }

    public InteractionView byIdempotencyKey(UUID tenantId, String key) {
        return repository.byIdempotencyKey(tenantId, key).map(views::of).orElseThrow(() ->
                new io.switchboard.api.error.NotFoundException("interaction-not-found",
                        "No interaction with idempotency key '" + key + "'."));
    }

    /** A command from a back-office system, addressed to a tenant by its code. */
    public Created create(String tenantCode, NewInteraction request) {
        UUID tenantId = repository.tenantByCode(tenantCode).orElseThrow(() ->
                new InvalidRequestException("unknown-tenant", "No tenant '" + tenantCode + "'."));
        return create(tenantId, request);
    }

    public InteractionView get(UUID tenantId, UUID interactionId) {
        return views.of(repository.interaction(tenantId, interactionId));
    }

    /** What the agent has in hand: work offered to them or theirs, and their parts in others' (transfers). */
    public List<InteractionView> currentOf(UUID tenantId, UUID agentId) {
        List<InteractionView> current = new ArrayList<>(repository.currentOf(tenantId, agentId).stream()
                .map(views::of).toList());
        for (Participation part : repository.openParticipationsOf(tenantId, agentId)) {
            current.add(views.of(repository.interaction(tenantId, part.interactionId()), part));
        }
        current.sort(java.util.Comparator.comparing(InteractionView::queuedSince));
        return current;
    }

    /** Routing's clock, to the microsecond PostgreSQL stores: deadlines are written and judged by it alone. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
