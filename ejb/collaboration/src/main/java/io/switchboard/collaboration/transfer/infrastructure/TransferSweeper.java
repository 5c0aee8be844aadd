package io.switchboard.collaboration.transfer.infrastructure;

import io.switchboard.collaboration.transfer.application.TransferService;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every second, on every node: transfers past their deadline come back to their senders. Each in a transaction of its
 * own with its rows claimed without waiting, so nodes share the work and one failing transfer is counted, tried after
 * the others and, after {@link Transfers#QUARANTINE_AFTER} failures, left alone (logged) instead of stopping the rest.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TransferSweeper {

    private static final Logger LOG = Logger.getLogger(TransferSweeper.class.getName());

    @EJB
    TransferService service;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Transfers.Due> due;
        try {
            due = service.due(now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reading transfers past their deadline failed; retried in a second", e);
            return;
        }
        for (Transfers.Due transfer : due) {
            try {
                service.timeOut(transfer, now);
            } catch (RuntimeException e) {
                recordFailure(transfer, e);
            }
        }
    }

    private void recordFailure(Transfers.Due transfer, RuntimeException error) {
        try {
            boolean quarantined = service.recordFailure(transfer);
            LOG.log(quarantined ? Level.SEVERE : Level.WARNING, (quarantined ? "Quarantined" : "Failed")
                    + " the timeout of transfer " + transfer.transferId(), error);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not record the failed timeout of transfer " + transfer.transferId(), e);
        }
    }
}
