package io.switchboard.routing.application;

import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingCandidates.Due;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Deadline work that must survive restarts and run on exactly one node per row: offers past their RONA deadline are
 * taken back (AS7) and re-offered, After-Call-Work past its deadline ends, and interactions still waiting are offered
 * again. Deadlines live in the database, so after a restart the overdue ones fire on the first sweep. Each row is
 * handled in a transaction of its own, so the agent rows routing locks are held for one decision, not a batch.
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

    public List<UUID> due(Due due) {
        return candidates.due(due, BATCH);
    }

    /** Takes back an offer past its RONA deadline (AS7) and offers the interaction to someone else. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void takeBackExpiredOffer(UUID interactionId) {
        if (!candidates.claim(interactionId, Due.EXPIRED_OFFER)) {
            return;
        }
        Instant now = InteractionService.now();
        Interaction interaction = repository.claimed(interactionId);
        UUID agent = interaction.agentId();
        List<InteractionEvent> fired = new ArrayList<>();
        fired.add(interaction.takeBackUnanswered(now));
        agentWork.noAnswer(interaction.tenantId(), agent, interaction.channel());
        engine.offer(interaction, now).ifPresent(fired::add);
        events.fire(fired);
    }

    /** Ends After-Call-Work past its deadline: the voice channel goes to the queue's next state (IX5). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finishAfterCallWork(UUID interactionId) {
        if (!candidates.claim(interactionId, Due.AFTER_CALL_WORK_OVER)) {
            return;
        }
        Interaction interaction = repository.claimed(interactionId);
        var queue = repository.queueOf(interaction);
        interaction.finishAfterCallWork();
        agentWork.endAfterCallWork(interaction.tenantId(), interaction.agentId(), interaction.channel(),
                queue.acwNextState(), queue.acwNextReason());
    }

    public List<RoutingCandidates.AgentRef> agentsWithRoomForWaitingWork() {
        return candidates.agentsWithRoomForWaitingWork(BATCH);
    }

    /**
     * Fills an agent who has room while work waits (it arrived when every candidate was busy or locked); skipped
     * when the agent's row is locked, since whoever holds it routes for them when they commit.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fillWaiting(UUID tenantId, UUID agentId) {
        if (candidates.tryLockAgent(agentId)) {
            events.fire(engine.fill(tenantId, agentId, InteractionService.now()));
        }
    }
}
