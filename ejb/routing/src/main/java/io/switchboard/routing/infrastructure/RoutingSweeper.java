package io.switchboard.routing.infrastructure;

import io.switchboard.routing.application.RoutingMaintenance;
import io.switchboard.routing.infrastructure.RoutingCandidates.Due;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, on every node: takes back offers past their RONA deadline, ends After-Call-Work past its deadline
 * and fills agents with room while work still waits. Rows are claimed with SKIP LOCKED, so nodes share the work
 * without doing any of it twice.
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
        try {
            maintenance.due(Due.EXPIRED_OFFER).forEach(maintenance::takeBackExpiredOffer);
            maintenance.due(Due.AFTER_CALL_WORK_OVER).forEach(maintenance::finishAfterCallWork);
            maintenance.agentsWithRoomForWaitingWork()
                    .forEach(agent -> maintenance.fillWaiting(agent.tenantId(), agent.agentId()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Routing sweep failed; it runs again in a second", e);
        }
    }
}
