package io.switchboard.routing.application;

import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionView;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.Workbin;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Workbins (IX8): park an active email or workitem in a personal or team workbin (its capacity is freed and a
 * Pending Not Ready completes), list them, pick one up (capacity is taken again, checked under the agent's row
 * lock) and move one to another agent's or team's workbin.
 */
@Stateless
public class WorkbinService {

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingCandidates candidates;

    @Inject
    RoutingEngine engine;

    @Inject
    InteractionEventsFired events;

    @Inject
    InteractionViews views;

    @EJB
    AgentWork agentWork;

    /** @param team true for the team workbin of the interaction's queue, false for the agent's own */
    public InteractionView park(UUID tenantId, UUID agentId, UUID interactionId, boolean team) {
        candidates.lockAgent(agentId);
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        Instant now = InteractionService.now();
        Workbin workbin = team ? Workbin.team(interaction.queueId()) : Workbin.personal(agentId);
        events.fire(List.of(interaction.park(agentId, workbin, now)));
        agentWork.endWork(tenantId, agentId, interaction.channel());
        events.fire(engine.fill(tenantId, agentId, now));
        return views.of(interaction);
    }

    public InteractionView pickUp(UUID tenantId, UUID agentId, UUID interactionId) {
        candidates.lockAgent(agentId);
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        requireAccess(agentId, interaction);
        if (!candidates.canHold(agentId, interaction.channel())) {
            throw new ConflictException("no-capacity", "You are logged out of " + interaction.channel()
                    + " or already hold as much " + interaction.channel() + " work as your profile allows.");
        }
        InteractionEvent picked = interaction.pickUp(agentId, InteractionService.now());
        agentWork.startWork(tenantId, agentId, interaction.channel());
        events.fire(List.of(picked));
        return views.of(interaction);
    }

    /** To another agent's personal workbin ({@code toAgent}) or a queue's team workbin ({@code toQueue}). */
    public InteractionView move(UUID tenantId, UUID agentId, UUID interactionId, UUID toAgent, UUID toQueue) {
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        requireAccess(agentId, interaction);
        if (toAgent != null && !repository.agentExists(tenantId, toAgent)) {
            throw new NotFoundException("agent-not-found", "No agent " + toAgent + " in this tenant.");
        }
        if (toQueue != null) {
            repository.queue(tenantId, toQueue);
        }
        events.fire(List.of(interaction.moveTo(toAgent != null ? Workbin.personal(toAgent) : Workbin.team(toQueue),
                InteractionService.now())));
        return views.of(interaction);
    }

    public List<InteractionView> personal(UUID tenantId, UUID agentId) {
        return repository.inWorkbin(tenantId, Workbin.personal(agentId)).stream().map(views::of).toList();
    }

    public List<InteractionView> team(UUID tenantId, UUID agentId, UUID queueId) {
        repository.queue(tenantId, queueId);
        if (!candidates.isMember(agentId, queueId)) {
            throw new AccessDeniedException("Only members of the queue see its team workbin.");
        }
        return repository.inWorkbin(tenantId, Workbin.team(queueId)).stream().map(views::of).toList();
    }

    private void requireAccess(UUID agentId, Interaction interaction) {
        Workbin workbin = interaction.workbin().orElseThrow(() -> new io.switchboard.api.error
                .IllegalTransitionException("Interaction " + interaction.id() + " is " + interaction.state()
                + "; it is in no workbin."));
        boolean allowed = workbin.isPersonal() ? workbin.agentId().equals(agentId)
                : candidates.isMember(agentId, workbin.queueId());
        if (!allowed) {
            throw new AccessDeniedException("Interaction " + interaction.id() + " is in a workbin you cannot use.");
        }
    }
}
