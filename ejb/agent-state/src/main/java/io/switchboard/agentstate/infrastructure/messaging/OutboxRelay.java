package io.switchboard.agentstate.infrastructure.messaging;

import io.switchboard.api.agentstate.AgentEvents;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox: right after a commit that wrote to it, and every few seconds for whatever a failure or a
 * restart left behind. At most one drain is queued at a time, so a burst of commits costs a few batches, not one
 * task per event.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @EJB
    OutboxBatch batch;

    @Resource
    ManagedExecutorService executor;

    private final AtomicBoolean drainQueued = new AtomicBoolean();

    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentEvents committed) {
        requestDrain();
    }

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    void sweep() {
        requestDrain();
    }

    private void requestDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
        try {
            while (batch.publishNext() == OutboxBatch.SIZE) {
                // a full batch: there may be more behind it
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Outbox relay failed; the messages stay and are retried", e);
        }
    }
}
