package io.switchboard.routing.infrastructure;

import io.switchboard.routing.application.InteractionService;
import io.switchboard.routing.application.RoutingMaintenance;
import io.switchboard.routing.infrastructure.RoutingCandidates.Due;
import io.switchboard.routing.infrastructure.RoutingCandidates.DueRow;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, on every node: takes back offers past their RONA deadline, ends After-Call-Work past its deadline
 * and fills agents with room while work still waits. Rows are claimed with SKIP LOCKED, so nodes share the work
 * without doing any of it twice. Each row is handled on its own: one that fails is counted and left for the next
 * sweep behind the others, and after {@link SweepFailures#QUARANTINE_AFTER} failures it is quarantined, so no row
 * can stop the sweep for everyone else.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingSweeper {

    private static final Logger LOG = Logger.getLogger(RoutingSweeper.class.getName());

    @EJB
    RoutingMaintenance maintenance;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        Instant now = InteractionService.now();
        sweep(Due.EXPIRED_OFFER, now, maintenance::takeBackExpiredOffer);
        sweep(Due.AFTER_CALL_WORK_OVER, now, maintenance::finishAfterCallWork);
        try {
            for (RoutingCandidates.AgentRef agent : maintenance.agentsWithRoomForWaitingWork(now)) {
                try {
                    maintenance.fillWaiting(agent.tenantId(), agent.agentId());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Offering waiting work to agent " + agent.agentId() + " failed", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for agents with room for waiting work failed; retried in a second", e);
        }
    }

    private void sweep(Due due, Instant now, BiConsumer<DueRow, Instant> work) {
        java.util.List<DueRow> rows;
        try {
            rows = maintenance.due(due, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading due " + due + " rows failed; retried in a second", e);
            return;
        }
        for (DueRow row : rows) {
            try {
                work.accept(row, now);
            } catch (RuntimeException e) {
                quarantineIfItKeepsFailing(row, due, e, now);
            }
        }
    }

    private void quarantineIfItKeepsFailing(DueRow row, Due due, RuntimeException error, Instant now) {
        try {
            boolean quarantined = maintenance.recordFailure(row, due, error, now);
            LOG.log(quarantined ? Level.SEVERE : Level.WARNING, (quarantined ? "Quarantined " : "Failed ") + due
                    + " for interaction " + row.interactionId(), error);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not record the failure of " + due + " for interaction "
                    + row.interactionId(), e);
        }
    }
}
