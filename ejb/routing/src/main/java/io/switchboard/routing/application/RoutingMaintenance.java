package io.switchboard.routing.application;

import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deadline work that must survive restarts and run on exactly one node per row: offers past their RONA deadline are
 * taken back (AS7) and re-offered, and interactions still waiting are offered again. Deadlines live in the database,
 * so after a restart the overdue ones fire on the first sweep.
 */
@Stateless
public class RoutingMaintenance {

    private static final int BATCH = 50;

    @Inject
    RoutingCandidates candidates;

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingEngine engine;

    @Inject
    InteractionEventsFired events;

    @EJB
    AgentWork agentWork;

    /** @return how many offers were taken back */
    public int takeBackExpiredOffers() {
        Instant now = InteractionService.now();
        List<InteractionEvent> fired = new ArrayList<>();
        List<UUID> expired = candidates.claimExpiredOffers(BATCH);
        for (UUID id : expired) {
            Interaction interaction = repository.claimed(id);
            UUID agent = interaction.agentId();
            fired.add(interaction.takeBackUnanswered(now));
            agentWork.noAnswer(interaction.tenantId(), agent, interaction.channel());
            engine.offer(interaction, now).ifPresent(fired::add);
        }
        events.fire(fired);
        return expired.size();
    }

    /** Ends After-Call-Work whose deadline passed: the agent's voice channel goes to the queue's next state (IX5). */
    public int finishDueAfterCallWork() {
        List<UUID> due = candidates.claimDueAfterCallWork(BATCH);
        for (UUID id : due) {
            Interaction interaction = repository.claimed(id);
            var queue = repository.queueOf(interaction);
            interaction.finishAfterCallWork();
            agentWork.endAfterCallWork(interaction.tenantId(), interaction.agentId(), interaction.channel(),
                    queue.acwNextState(), queue.acwNextReason());
        }
        return due.size();
    }

    /** Offers interactions that found no agent when they arrived (everyone busy, or every candidate locked). */
    public void offerWaiting() {
        Instant now = InteractionService.now();
        List<InteractionEvent> fired = new ArrayList<>();
        for (UUID id : candidates.claimWaiting(BATCH)) {
            engine.offer(repository.claimed(id), now).ifPresent(fired::add);
        }
        events.fire(fired);
    }
}
