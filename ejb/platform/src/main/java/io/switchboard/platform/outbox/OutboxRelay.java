package io.switchboard.platform.outbox;

import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.routing.InteractionEvents;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drains the outbox: shortly after a commit that wrote to it, and every few seconds for whatever a failure or a
 * restart left behind. At most one drain is queued at a time and it starts {@code switchboard.outbox.relay-delay-ms}
 * after the first commit that asked for it, so under load one batch (one XA transaction) carries the events of many
 * commits instead of one each; back office sees an event that much later, agents' sockets are not affected.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @EJB
    OutboxBatch batch;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "switchboard.outbox.relay-delay-ms", defaultValue = "50")
    long delayMillis;

    private final AtomicBoolean drainQueued = new AtomicBoolean();

    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentEvents committed) {
        requestDrain();
    }

    public void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) InteractionEvents committed) {
        requestDrain();
    }

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    void sweep() {
        requestDrain();
    }

    private void requestDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            scheduler.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
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
