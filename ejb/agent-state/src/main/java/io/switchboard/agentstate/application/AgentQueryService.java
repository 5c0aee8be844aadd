package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.TimeInState;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.agentstate.infrastructure.persistence.StateIntervals;
import io.switchboard.api.agentstate.AgentStateView;
import io.switchboard.api.agentstate.TimeInStateView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads of agent state: one agent, every agent of a tenant (the supervisor's board) and time in state (AS5). */
@Stateless
public class AgentQueryService {

    @Inject
    Agents agents;

    @Inject
    StateIntervals intervals;

    @Inject
    Clock clock;

    public AgentStateView state(UUID tenantId, UUID agentId) {
        return AgentViews.of(agents.byId(tenantId, agentId));
    }

    public List<AgentStateView> allAgents(UUID tenantId) {
        return agents.allOf(tenantId).stream().map(AgentViews::of).toList();
    }

    /**
     * @param to the end of the period, or null for now: the states still running are then reported as ongoing (one
     *           clock reading is both the period's end and the running states' end)
     */
    public TimeInStateView timeInState(UUID tenantId, UUID agentId, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        TimeInState.requireValidPeriod(from, end);
        Agent agent = agents.byId(tenantId, agentId);
        TimeInState timeInState = TimeInState.of(intervals.overlapping(agentId, from, end), agent.channelSessions(),
                from, end, now);
        return AgentViews.of(agentId, from, end, timeInState);
    }
}
