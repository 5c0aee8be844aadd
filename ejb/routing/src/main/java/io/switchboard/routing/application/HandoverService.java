package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.routing.Handovers;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.Participation;
import io.switchboard.routing.domain.RoutingQueue;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Routing's side of transfers (the {@link Handovers} contract): holds, hands over and releases interactions under
 * the lock order — every agent concerned in ascending id order, then the interaction — so a transfer, an answer, a
 * timeout, a departure and routing's own offers to the same agents are decided one after the other.
 */
@Stateless
@Local(Handovers.class)
public class HandoverService implements Handovers {

    private static final int TARGET_LIST_LIMIT = 100;
    private static final Set<InteractionCause> RELEASES = EnumSet.of(InteractionCause.TRANSFER_REJECTED,
            InteractionCause.TRANSFER_TIMED_OUT, InteractionCause.TRANSFER_CANCELLED);

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingCandidates candidates;

    @Inject
    RoutingEngine engine;

    @Inject
    TransferHolds holds;

    @Inject
    InteractionLocks locks;

    @Inject
    InteractionEventsFired events;

    @EJB
    AgentWork agentWork;

    @Inject
    @ConfigProperty(name = "switchboard.transfers.max-per-interaction", defaultValue = "10")
    int maxTransfers;

    @Override
    public Hold hold(UUID tenantId, UUID interactionId, UUID sender, UUID target, UUID actor) {
        Objects.requireNonNull(target);
        if (!repository.agentExists(tenantId, target)) {
            throw new InvalidRequestException("unknown-transfer-target", "No agent " + target + " in this tenant.");
        }
        Interaction interaction = locks.lockConcerned(tenantId, interactionId, target, true);
        UUID from = senderOf(interaction, sender);
        Instant now = InteractionService.now();
        RoutingQueue queue = repository.queueOf(interaction);
        Instant deadline = now.plusSeconds(queue.transferTimeoutSeconds());
        InteractionEvent requested = interaction.requestTransfer(from, target, deadline, maxTransfers, now);
        requireWrappedUp(interactionId, from);
        requireNoConference(interaction);
        if (repository.openParticipation(interactionId, target).isPresent()) {
            throw new ConflictException("target-still-wrapping-up", "That agent has not finished wrapping up this "
                    + "interaction since they transferred it; they cannot take it back yet.");
        }
        if (!candidates.canTakeTransfer(target, interaction.channel())) {
            throw new ConflictException("target-unavailable", "That agent cannot take a transfer on "
                    + interaction.channel() + " now: they are not Ready there, are on Do Not Disturb, or have no "
                    + "room. Pick an available agent or a queue.");
        }
        repository.add(Participation.transferOffer(interaction, target, now));
        events.fire(List.of(requested.by(actorOtherThan(actor, from))));
        return new Hold(interactionId, interaction.channel(), from, deadline, interaction.outbound());
    }

    @Override
    public Handed toQueue(UUID tenantId, UUID interactionId, UUID sender, UUID queueId, UUID actor) {
        RoutingQueue target = repository.queueIfAny(tenantId, queueId).orElseThrow(() ->
                new InvalidRequestException("unknown-transfer-target", "No queue " + queueId + " in this tenant."));
        Interaction interaction = locks.lockConcerned(tenantId, interactionId, null, true);
        if (!repository.queueServes(queueId, interaction.channel())) {
            throw new InvalidRequestException("queue-not-serving-channel", "Queue " + target.name()
                    + " does not take " + interaction.channel() + " interactions (no entry point of that channel "
                    + "leads to it).");
        }
        UUID from = senderOf(interaction, sender);
        Instant now = InteractionService.now();
        Participation wrapUp = Participation.handedOver(interaction, from, now);
        // Whoever still owes a wrap-up of it is never offered it back from the queue (one open part per agent).
        List<UUID> stillWrappingUp = repository.openParticipationsIn(interactionId).stream()
                .map(Participation::agentId).toList();
        InteractionEvent moved = interaction.transferToQueue(from, target, stillWrappingUp, maxTransfers, now);
        requireWrappedUp(interactionId, from);
        requireNoConference(interaction);
        repository.add(wrapUp);
        List<InteractionEvent> fired = new ArrayList<>();
        fired.add(moved.by(actorOtherThan(actor, from)));
        agentWork.endWork(tenantId, from, interaction.channel());
        fired.addAll(engine.offer(interaction, now));
        fired.addAll(engine.fillAfterEnding(tenantId, from, interaction.channel(), now));
        events.fire(fired);
        return new Handed(interactionId, interaction.channel(), from, interaction.outbound());
    }

    @Override
    public Parties lock(UUID tenantId, UUID interactionId) {
        Interaction interaction = locks.lockConcerned(tenantId, interactionId, null, false);
        return parties(interaction);
    }

    @Override
    public Optional<Parties> tryLock(UUID tenantId, UUID interactionId) {
        return locks.tryLockConcerned(tenantId, interactionId).map(HandoverService::parties);
    }

    @Override
    public void complete(UUID tenantId, UUID interactionId, UUID target) {
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        Instant now = InteractionService.now();
        UUID sender = interaction.agentId();
        holds.stopRinging(interactionId, target, now);
        InteractionEvent moved = interaction.completeTransfer(target, now);
        repository.add(Participation.handedOver(interaction, sender, now));
        List<InteractionEvent> fired = new ArrayList<>();
        fired.add(moved);
        agentWork.endWork(tenantId, sender, interaction.channel());
        agentWork.startWork(tenantId, target, interaction.channel());
        // The sender's part is a wrap-up now, no longer engaged: blending rules it triggered stop applying.
        fired.addAll(engine.fillAfterEnding(tenantId, sender, interaction.channel(), now));
        events.fire(fired);
    }

    @Override
    public void release(UUID tenantId, UUID interactionId, InteractionCause why, UUID actor) {
        if (!RELEASES.contains(why)) {
            throw new IllegalArgumentException(why + " does not end a transfer");
        }
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        Instant now = InteractionService.now();
        UUID target = interaction.transferTargetId();
        List<InteractionEvent> fired = new ArrayList<>();
        fired.add(holds.release(interaction, why, now).by(actorOtherThan(actor, interaction.agentId())));
        // The target's row is locked with the parties: their freed room goes to waiting work at once.
        fired.addAll(engine.fill(tenantId, target, now));
        events.fire(fired);
    }

    @Override
    public void join(UUID tenantId, UUID interactionId, UUID colleague, UUID inviter) {
        if (!repository.agentExists(tenantId, colleague)) {
            throw new InvalidRequestException("unknown-colleague", "No agent " + colleague + " in this tenant.");
        }
        Interaction interaction = locks.lockConcerned(tenantId, interactionId, colleague, false);
        Instant now = InteractionService.now();
        if (!inviter.equals(interaction.agentId())) {
            throw new ConflictException("invitation-outdated", "The agent who invited you no longer handles this "
                    + "conversation; its holder has to invite you.");
        }
        InteractionEvent joined = interaction.conferenceJoined(colleague, now);
        if (repository.openParticipation(interactionId, colleague).isPresent()) {
            throw new ConflictException("already-taking-part", "That agent already has a part in this interaction.");
        }
        if (!candidates.canTakeTransfer(colleague, interaction.channel())) {
            throw new ConflictException("colleague-unavailable", "That agent cannot join on "
                    + interaction.channel() + " now: they are not Ready there, are on Do Not Disturb, or have no "
                    + "room (capacity or a blending rule).");
        }
        repository.add(Participation.conferenced(interaction, colleague, now));
        agentWork.startWork(tenantId, colleague, interaction.channel());
        events.fire(List.of(joined));
    }

    @Override
    public void leave(UUID tenantId, UUID interactionId, UUID agent) {
        Interaction interaction = locks.lockConcerned(tenantId, interactionId, agent, false);
        Instant now = InteractionService.now();
        List<Participation> conference = repository.conferenceOf(interactionId);
        List<InteractionEvent> fired = new ArrayList<>();
        if (agent.equals(interaction.agentId())) {
            Participation stays = conference.stream().findFirst().orElseThrow(() -> new ConflictException(
                    "not-in-conference", "Nobody else is in this conversation; end it instead."));
            stays.leave(now);
            fired.add(interaction.handOverInConference(agent, stays.agentId(), now));
            repository.add(Participation.handedOver(interaction, agent, now));
            agentWork.endWork(tenantId, agent, interaction.channel());
            fired.addAll(engine.fillAfterEnding(tenantId, agent, interaction.channel(), now));
        } else {
            Participation mine = conference.stream().filter(p -> p.agentId().equals(agent)).findFirst()
                    .orElseThrow(() -> new ConflictException("not-in-conference", "You are not in a conference on "
                            + "interaction " + interactionId + "."));
            mine.leave(now);
            fired.add(interaction.conferenceLeft(agent, now));
            agentWork.endWork(tenantId, agent, interaction.channel());
            fired.addAll(engine.fillAfterEnding(tenantId, agent, interaction.channel(), now));
        }
        events.fire(fired);
    }

    @Override
    public void requireKnown(UUID tenantId, UUID interactionId) {
        repository.interaction(tenantId, interactionId);
    }

    @Override
    public TransferTargets targets(UUID tenantId, UUID interactionId, String search) {
        if (search != null && search.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("invalid-search", "A search is plain text, without control "
                    + "characters.");
        }
        Interaction interaction = repository.interaction(tenantId, interactionId);
        Channel channel = interaction.channel();
        UUID holder = interaction.agentId() == null ? new UUID(0, 0) : interaction.agentId();
        List<Object[]> rows = repository.agentsOnChannel(tenantId, channel, holder, search, TARGET_LIST_LIMIT);
        Set<UUID> withRoom = candidates.withRoom(tenantId, channel, rows.stream().map(r -> (UUID) r[0]).toList());
        List<AgentTarget> agents = rows.stream().map(row -> {
            UUID agent = (UUID) row[0];
            String state = (String) row[3];
            String availability = !"READY".equals(state) ? state
                    : withRoom.contains(agent) ? "AVAILABLE" : "BUSY";
            return new AgentTarget(agent, (String) row[1], (String) row[2], availability, (String) row[4]);
        }).toList();
        Set<UUID> serving = repository.queuesServing(tenantId, channel);
        List<QueueTarget> queues = repository.queueViews(tenantId, null).stream()
                .map(q -> new QueueTarget(q.queueId(), q.name(), q.waiting(), serving.contains(q.queueId())))
                .toList();
        return new TransferTargets(channel, agents, queues);
    }

    /**
     * The agent handing it over: {@code sender} when an agent acts, its holder when a supervisor acts for them —
     * which needs work in someone's hands.
     */
    private static UUID senderOf(Interaction interaction, UUID sender) {
        if (sender != null) {
            return sender;
        }
        if (interaction.agentId() == null || interaction.state() != InteractionState.ACTIVE) {
            throw new IllegalTransitionException("not-in-progress", "Interaction " + interaction.id() + " is "
                    + interaction.state() + "; only work in progress in an agent's hands can be transferred.");
        }
        return interaction.agentId();
    }

    /** A conversation several agents are in is not transferred: the holder leaves it to a colleague instead. */
    private static void requireNoConference(Interaction interaction) {
        if (interaction.inConference()) {
            throw new ConflictException("conference-in-progress", "Colleagues are in this conversation with you; "
                    + "leave it to them, or wait until they leave, instead of transferring it.");
        }
    }

    /** An agent hands an interaction over once at a time: the wrap-up of their earlier handover comes first. */
    private void requireWrappedUp(UUID interactionId, UUID sender) {
        if (repository.openParticipation(interactionId, sender).isPresent()) {
            throw new ConflictException("sender-still-wrapping-up", "You transferred this interaction before and "
                    + "have not finished that wrap-up; mark it done first.");
        }
    }

    private static Parties parties(Interaction interaction) {
        return new Parties(interaction.id(), interaction.channel(), interaction.agentId(),
                interaction.transferTargetId(), interaction.state(), interaction.customerAddress());
    }

    /** The actor recorded in the history: only when it is not the agent the change concerns. */
    private static UUID actorOtherThan(UUID actor, UUID agent) {
        return Objects.equals(actor, agent) ? null : actor;
    }
}
