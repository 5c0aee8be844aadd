package io.switchboard.routing.application;

import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingCandidates.Due;
import io.switchboard.routing.infrastructure.RoutingCandidates.DueRow;
import io.switchboard.routing.infrastructure.RoutingRepository;
import io.switchboard.routing.infrastructure.SweepFailures;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deadline work that must survive restarts and run on exactly one node per row: offers past their RONA deadline are
 * taken back (AS7) and re-offered, After-Call-Work past its deadline ends, and interactions still waiting are offered
 * again. Deadlines live in the database, so after a restart the overdue ones fire on the first sweep. Each row is
 * handled in a transaction of its own, the agent's row locked before the interaction's (the lock order), so the
 * locks are held for one decision and a row that fails rolls back alone; its failure is counted in another
 * transaction, and a row that keeps failing is quarantined.
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

    @Inject
    SweepFailures failures;

    @EJB
    AgentWork agentWork;

    public List<DueRow> due(Due due, Instant now) {
        return candidates.due(due, now, BATCH);
    }

    /** Takes back an offer past its RONA deadline (AS7) and offers the interaction to someone else. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void takeBackExpiredOffer(DueRow row, Instant now) {
        // A busy agent's row is left for the next sweep rather than waited for: one hot agent must not stall the
        // sweep of every tenant.
        if (!candidates.tryLockAgent(row.agentId()) || !candidates.claim(row, Due.EXPIRED_OFFER, now)) {
            return;
        }
        Interaction interaction = repository.claimed(row.interactionId());
        // Announced (and stored in the history) before RONA, whose withdrawals may already offer it on.
        events.fire(List.of(interaction.takeBackUnanswered(now)));
        agentWork.noAnswer(interaction.tenantId(), row.agentId(), interaction.channel());
        if (interaction.state() == io.switchboard.api.routing.InteractionState.QUEUED) {
            events.fire(engine.offer(interaction, now));
        }
        if (row.failedBefore()) {
            failures.cleared(row.interactionId(), Due.EXPIRED_OFFER);
        }
    }

    /** Ends After-Call-Work past its deadline: the voice channel goes to the queue's next state (IX5). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finishAfterCallWork(DueRow row, Instant now) {
        if (!candidates.tryLockAgent(row.agentId()) || !candidates.claim(row, Due.AFTER_CALL_WORK_OVER, now)) {
            return;
        }
        Interaction interaction = repository.claimed(row.interactionId());
        var queue = repository.queueOf(interaction);
        InteractionEvent ended = interaction.finishAfterCallWork(now);
        agentWork.endAfterCallWork(interaction.tenantId(), row.agentId(), interaction.channel(),
                queue.acwNextState(), queue.acwNextReason());
        if (row.failedBefore()) {
            failures.cleared(row.interactionId(), Due.AFTER_CALL_WORK_OVER);
        }
        events.fire(List.of(ended));
    }

    /** Counts a failed attempt at a due row, in a transaction of its own (the attempt's rolled back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordFailure(DueRow row, Due due, RuntimeException error, Instant now) {
        return failures.record(row.interactionId(), due, error, now);
    }

    public List<RoutingCandidates.AgentRef> agentsWithRoomForWaitingWork(Instant now) {
        return candidates.agentsWithRoomForWaitingWork(now, BATCH);
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
