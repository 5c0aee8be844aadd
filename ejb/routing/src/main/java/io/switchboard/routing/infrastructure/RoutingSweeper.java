package io.switchboard.routing.infrastructure;

import io.switchboard.routing.application.RoutingMaintenance;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, on every node: takes back offers past their RONA deadline, ends After-Call-Work past its deadline
 * and offers interactions still waiting.
 * Rows are claimed with SKIP LOCKED, so nodes share the work without doing any of it twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingSweeper {

    private static final Logger LOG = Logger.getLogger(RoutingSweeper.class.getName());

    @EJB
    RoutingMaintenance maintenance;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void sweep() {
        try {
            while (maintenance.takeBackExpiredOffers() > 0) {
                // more may be overdue
            }
            while (maintenance.finishDueAfterCallWork() > 0) {
                // more may be due
            }
            maintenance.offerWaiting();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Routing sweep failed; it runs again in a second", e);
        }
    }
}
