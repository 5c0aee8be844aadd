package io.switchboard.agentstate.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeInStateTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void totalsPerChannelStateAndReasonIncludeTheRunningStateClippedToThePeriod() {
        Agent agent = new Agent(TENANT, "bia", "Bia", "1002", LicenceTier.STANDARD, "h", Set.of(Role.AGENT));
        agent.assignChannels(Set.of(Channel.CHAT), T0);
        ReasonCode lunch = new ReasonCode(TENANT, "LUNCH", "Lunch");
        List<StateInterval> finished = new ArrayList<>();
        finished.addAll(agent.login(Set.of(), T0).finishedIntervals());
        finished.addAll(agent.ready(Set.of(), T0.plusSeconds(10)).finishedIntervals());
        finished.addAll(agent.notReady(Set.of(), lunch, false, T0.plusSeconds(70)).finishedIntervals());
        finished.addAll(agent.ready(Set.of(), T0.plusSeconds(100)).finishedIntervals());
        finished.addAll(agent.notReady(Set.of(), lunch, false, T0.plusSeconds(130)).finishedIntervals());

        TimeInState view = TimeInState.of(finished, agent.channelSessions(),
                T0.plusSeconds(5), T0.plusSeconds(200), T0.plusSeconds(150));

        assertEquals(Duration.ofSeconds(5), total(view, ChannelState.NOT_READY, null), "clipped at the start");
        assertEquals(Duration.ofSeconds(90), total(view, ChannelState.READY, null));
        assertEquals(Duration.ofSeconds(30 + 20), total(view, ChannelState.NOT_READY, "LUNCH"),
                "includes the running Not Ready up to now");
        assertTrue(view.periods().get(view.periods().size() - 1).ongoing());
    }

    @Test
    void aPeriodMustStartBeforeItEnds() {
        assertThrows(InvalidRequestException.class, () -> TimeInState.of(List.of(), List.of(), T0, T0, T0));
    }

    private static Duration total(TimeInState view, ChannelState state, String reason) {
        return view.totals().stream()
                .filter(t -> t.state() == state && java.util.Objects.equals(t.reasonCode(), reason))
                .map(TimeInState.Total::duration).findFirst().orElse(Duration.ZERO);
    }
}
