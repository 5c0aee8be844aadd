package io.switchboard.routing.application;

import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.routing.QueueKpis;
import io.switchboard.routing.application.QueuePerformance.AgentCount;
import io.switchboard.routing.application.QueuePerformance.Milestones;
import io.switchboard.routing.application.QueuePerformance.Queue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class QueuePerformanceTest {

    private static final Instant TO = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant FROM = TO.minus(Duration.ofHours(1));
    private static final UUID QUEUE = UUID.randomUUID();

    private final QueuePerformance performance = new QueuePerformance(FROM, TO, 12);

    private static Instant at(int minutesBeforeTo, int plusSeconds) {
        return TO.minus(Duration.ofMinutes(minutesBeforeTo)).plusSeconds(plusSeconds);
    }

    private QueueKpis figures(List<Milestones> history, List<AgentCount> agents) {
        return performance.report(List.of(new Queue(QUEUE, "Sales", 20)), history, agents).queues().get(0);
    }

    @Test
    void serviceLevelSpeedOfAnswerHandleTimeAndAbandonRateOverTheWindow() {
        QueueKpis kpis = figures(List.of(
                new Milestones(QUEUE, at(50, 0), at(50, 10), null, at(50, 130), false),    // 10 s wait, 120 s handled
                new Milestones(QUEUE, at(40, 0), at(40, 30), null, at(40, 120), false),    // 30 s: late, 90 s handled
                new Milestones(QUEUE, at(10, 0), at(10, 20), null, null, false),           // exactly 20 s: in time
                new Milestones(QUEUE, at(30, 0), null, at(30, 45), null, false),           // abandoned
                new Milestones(QUEUE, at(120, 0), at(120, 5), null, at(120, 65), false),   // before the window
                new Milestones(QUEUE, at(1, -10), null, null, null, true),                 // waiting now, 70 s
                new Milestones(UUID.randomUUID(), at(5, 0), null, at(5, 1), null, false)), // another queue's
                List.of());
        assertEquals(3, kpis.answered());
        assertEquals(2, kpis.answeredInTime());
        assertEquals(1, kpis.abandoned());
        assertEquals(0.5, kpis.serviceLevel());
        assertEquals(0.25, kpis.abandonRate());
        assertEquals(20.0, kpis.averageSpeedOfAnswerSeconds());
        assertEquals(105.0, kpis.averageHandleTimeSeconds());
        assertEquals(1, kpis.waiting());
        assertEquals(at(1, -10), kpis.oldestWaitingSince());
    }

    @Test
    void timeParkedInAWorkbinIsNotHandleTime() {
        QueueKpis kpis = figures(List.of(new Milestones(QUEUE, at(55, 0), at(55, 5), null, at(5, 65), false,
                Duration.ofMinutes(50))), List.of());
        assertEquals(60.0, kpis.averageHandleTimeSeconds(), "50 min 60 s from answer to Done, 50 min of it parked");
    }

    @Test
    void eachSliceHasItsOwnServiceLevelAndTheCustomersWaitingAtItsEnd() {
        QueueKpis kpis = figures(List.of(
                new Milestones(QUEUE, at(50, 0), at(50, 10), null, null, false),    // answered at -49:50
                new Milestones(QUEUE, at(31, 0), null, at(29, 0), null, false),     // waits across -30, abandons in 7
                new Milestones(QUEUE, at(1, -10), null, null, null, true)),
                List.of());
        List<QueueKpis.Point> points = kpis.points();
        assertEquals(12, points.size());
        assertEquals(FROM.plus(Duration.ofMinutes(5)), points.get(0).at());
        assertEquals(TO, points.get(11).at());
        assertEquals(1.0, points.get(2).serviceLevel(), "answered at -49:50, in the slice ending at -45");
        assertEquals(0.0, points.get(6).serviceLevel(), "abandoned at -29, in the slice ending at -25");
        assertNull(points.get(0).serviceLevel(), "nobody answered or abandoned in the first slice");
        assertEquals(1, points.get(5).waiting(), "at -30 the second customer was waiting");
        assertEquals(0, points.get(6).waiting());
        assertEquals(1, points.get(11).waiting(), "the one waiting now");
        assertEquals(0, points.get(10).waiting(), "who arrived after -5 was not waiting at -5");
    }

    @Test
    void membersByStateNowAndPerSliceAndNoFiguresWithoutHistory() {
        QueueKpis kpis = figures(List.of(), List.of(new AgentCount(QUEUE, 12, ChannelState.READY, 3),
                new AgentCount(QUEUE, 12, ChannelState.NOT_READY, 1), new AgentCount(QUEUE, 1, ChannelState.LOGGED_OUT, 4)));
        assertEquals(Map.of(ChannelState.READY, 3L, ChannelState.NOT_READY, 1L), kpis.agentsByState());
        assertEquals(Map.of(ChannelState.LOGGED_OUT, 4L), kpis.points().get(0).agentsByState());
        assertNull(kpis.serviceLevel());
        assertNull(kpis.averageSpeedOfAnswerSeconds());
        assertNull(kpis.averageHandleTimeSeconds());
        assertNull(kpis.abandonRate());
        assertEquals(0, kpis.waiting());
    }
}
