package io.switchboard.routing.application;

import io.switchboard.api.routing.InteractionView;
import io.switchboard.api.routing.QueueView;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.QuarantinedWork;
import io.switchboard.api.routing.KpiReport;
import io.switchboard.routing.infrastructure.QueueHistory;
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

    @Inject
    QueueHistory history;

    /** Points per chart: one per five minutes of the default hour. */
    static final int SLICES = 12;

    /** Every queue of the tenant with its waiting count and oldest wait. */
    public List<QueueView> queues(UUID tenantId) {
        return repository.queueViews(tenantId, null);
    }

    /** The ids of a queue's members (the board's queue filter). */
    public List<UUID> members(UUID tenantId, UUID queueId) {
        return repository.members(tenantId, queueId).orElseThrow(() -> new NotFoundException("queue-not-found",
                "There is no queue " + queueId + "."));
    }

    /** The queues an agent serves (whose team workbins they use). */
    public List<QueueView> queuesOf(UUID tenantId, UUID agentId) {
        return repository.queueViews(tenantId, agentId);
    }

    /**
     * Every queue's KPIs over the last {@code minutes} (1 to 1440), computed from stored history, with the window cut
     * in {@value #SLICES} slices for the charts.
     */
    public KpiReport kpis(UUID tenantId, int minutes) {
        if (minutes < 1 || minutes > 1440) {
            throw new io.switchboard.api.error.InvalidRequestException("invalid-window", "The window is 1 to 1440 "
                    + "minutes; got " + minutes + ".");
        }
        java.time.Instant to = InteractionService.now();
        java.time.Instant from = to.minus(java.time.Duration.ofMinutes(minutes));
        QueuePerformance performance = new QueuePerformance(from, to, SLICES);
        return performance.report(history.queues(tenantId), history.milestones(tenantId, from),
                history.membersByState(tenantId, performance, SLICES));
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
