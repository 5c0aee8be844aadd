package io.switchboard.routing.application;

import io.switchboard.api.routing.InteractionView;
import io.switchboard.api.routing.QueueView;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.QuarantinedWork;
import io.switchboard.routing.infrastructure.RoutingRepository;
import io.switchboard.routing.infrastructure.SweepFailures;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** What supervisors watch live (and agents see of their own queues): queues with what waits, work in hand. */
@Stateless
public class SupervisionService {

    @Inject
    RoutingRepository repository;

    @Inject
    InteractionViews views;

    @Inject
    SweepFailures failures;

    /** Every queue of the tenant with its waiting count and oldest wait. */
    public List<QueueView> queues(UUID tenantId) {
        return repository.queueViews(tenantId, null);
    }

    /** The queues an agent serves (whose team workbins they use). */
    public List<QueueView> queuesOf(UUID tenantId, UUID agentId) {
        return repository.queueViews(tenantId, agentId);
    }

    /** Deadline work of the tenant the sweeper quarantined after repeated failures, with the last error. */
    public List<QuarantinedWork> quarantined(UUID tenantId) {
        return failures.quarantined(tenantId);
    }

    /** Puts quarantined work back in the sweep, once its cause is fixed. */
    public void release(UUID tenantId, UUID interactionId) {
        if (!failures.release(tenantId, interactionId)) {
            throw new NotFoundException("quarantine-not-found", "Interaction " + interactionId
                    + " has no quarantined work.");
        }
    }

    /** Every interaction offered to, active with or in wrap-up with an agent of the tenant. */
    public List<InteractionView> inHand(UUID tenantId) {
        return repository.inHand(tenantId).stream().map(views::of).toList();
    }
}
