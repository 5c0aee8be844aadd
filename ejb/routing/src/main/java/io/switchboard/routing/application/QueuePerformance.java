package io.switchboard.routing.application;

import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.routing.KpiReport;
import io.switchboard.api.routing.QueueKpis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The arithmetic of the supervisors' KPIs (see {@link QueueKpis} for each figure's definition), kept apart from the
 * SQL that reads the history so that it can be checked on known histories.
 */
public final class QueuePerformance {

    /** A queue: its name and service-level threshold. */
    public record Queue(UUID id, String name, int serviceLevelSeconds) {
    }

    /**
     * One interaction's milestones: created (queued), first accepted, abandoned, last done (each null when it has
     * not happened); {@code waitingNow} when it is queued or ringing at this moment; {@code parked} the time it
     * spent in a workbin (not handling).
     */
    public record Milestones(UUID queueId, Instant queuedAt, Instant acceptedAt, Instant abandonedAt, Instant doneAt,
                             boolean waitingNow, Duration parked) {

        public Milestones(UUID queueId, Instant queuedAt, Instant acceptedAt, Instant abandonedAt, Instant doneAt,
                          boolean waitingNow) {
            this(queueId, queuedAt, acceptedAt, abandonedAt, doneAt, waitingNow, Duration.ZERO);
        }

        /** Waiting at {@code t}: created by then, neither answered nor abandoned yet. */
        boolean waitingAt(Instant t) {
            Instant left = acceptedAt != null ? acceptedAt : abandonedAt;
            return !queuedAt.isAfter(t) && (left == null ? waitingNow : left.isAfter(t));
        }
    }

    /** How many of a queue's members were in a state at the end of slice {@code slice} (1 … slices). */
    public record AgentCount(UUID queueId, int slice, ChannelState state, long agents) {
    }

    private final Instant from;
    private final Instant to;
    private final int slices;

    public QueuePerformance(Instant from, Instant to, int slices) {
        this.from = from;
        this.to = to;
        this.slices = slices;
    }

    /** The end of slice {@code k} (1 … slices; 0 is the window's start); the last is {@code to}. */
    public Instant sliceEnd(int k) {
        return k == slices ? to : from.plus(Duration.between(from, to).multipliedBy(k).dividedBy(slices));
    }

    public KpiReport report(List<Queue> queues, List<Milestones> history, List<AgentCount> agents) {
        Map<UUID, List<Milestones>> historyByQueue = history.stream()
                .collect(Collectors.groupingBy(Milestones::queueId));
        Map<UUID, List<AgentCount>> agentsByQueue = agents.stream().collect(Collectors.groupingBy(AgentCount::queueId));
        List<QueueKpis> figures = new ArrayList<>();
        for (Queue queue : queues) {
            figures.add(figures(queue, historyByQueue.getOrDefault(queue.id(), List.of()),
                    agentsByQueue.getOrDefault(queue.id(), List.of())));
        }
        return new KpiReport(from, to, figures);
    }

    private QueueKpis figures(Queue queue, List<Milestones> history, List<AgentCount> agents) {
        Duration threshold = Duration.ofSeconds(queue.serviceLevelSeconds());
        List<Milestones> answered = history.stream().filter(m -> within(m.acceptedAt(), from, to)).toList();
        long inTime = answered.stream().filter(m -> waitOf(m).compareTo(threshold) <= 0).count();
        long abandoned = history.stream().filter(m -> within(m.abandonedAt(), from, to)).count();
        List<Milestones> done = history.stream()
                .filter(m -> m.acceptedAt() != null && within(m.doneAt(), from, to)).toList();
        List<Milestones> waiting = history.stream().filter(Milestones::waitingNow).toList();
        long decided = answered.size() + abandoned;
        List<QueueKpis.Point> points = new ArrayList<>();
        for (int k = 1; k <= slices; k++) {
            points.add(point(history, agents, k, sliceEnd(k - 1), sliceEnd(k), threshold));
        }
        return new QueueKpis(queue.id(), queue.name(), queue.serviceLevelSeconds(), waiting.size(),
                waiting.stream().map(Milestones::queuedAt).min(Comparator.naturalOrder()).orElse(null),
                answered.size(), inTime, abandoned, ratio(inTime, decided),
                mean(answered.stream().map(QueuePerformance::waitOf).toList()),
                mean(done.stream().map(m -> Duration.between(m.acceptedAt(), m.doneAt()).minus(m.parked())).toList()),
                ratio(abandoned, decided), byState(agents, slices), points);
    }

    private QueueKpis.Point point(List<Milestones> history, List<AgentCount> agents, int k,
                                  Instant start, Instant end, Duration threshold) {
        long waiting = history.stream().filter(m -> m.waitingAt(end)).count();
        List<Milestones> answered = history.stream().filter(m -> inSlice(m.acceptedAt(), start, end, k)).toList();
        long inTime = answered.stream().filter(m -> waitOf(m).compareTo(threshold) <= 0).count();
        long abandoned = history.stream().filter(m -> inSlice(m.abandonedAt(), start, end, k)).count();
        return new QueueKpis.Point(end, waiting, ratio(inTime, answered.size() + abandoned), byState(agents, k));
    }

    /** The first slice includes its start; each later one starts just after the previous one's end. */
    private static boolean inSlice(Instant t, Instant start, Instant end, int k) {
        return t != null && (k == 1 ? !t.isBefore(start) : t.isAfter(start)) && !t.isAfter(end);
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return t != null && !t.isBefore(from) && !t.isAfter(to);
    }

    private static Duration waitOf(Milestones m) {
        return Duration.between(m.queuedAt(), m.acceptedAt());
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double mean(List<Duration> durations) {
        return durations.isEmpty() ? null
                : durations.stream().mapToLong(Duration::toMillis).average().orElseThrow() / 1000.0;
    }

    private static Map<ChannelState, Long> byState(List<AgentCount> agents, int slice) {
        Map<ChannelState, Long> counts = new EnumMap<>(ChannelState.class);
        agents.stream().filter(a -> a.slice() == slice).forEach(a -> counts.merge(a.state(), a.agents(), Long::sum));
        return counts;
    }
}
