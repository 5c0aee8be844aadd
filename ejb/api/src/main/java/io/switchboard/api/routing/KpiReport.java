package io.switchboard.api.routing;

import java.time.Instant;
import java.util.List;

/** Every queue's figures over the window from {@code from} to {@code to} (now). */
public record KpiReport(Instant from, Instant to, List<QueueKpis> queues) {
}
