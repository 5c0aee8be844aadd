package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.Role;
import io.switchboard.agentstate.domain.TimeInState;
import io.switchboard.api.agentstate.AgentStateView;
import io.switchboard.api.agentstate.ChannelStateView;
import io.switchboard.api.agentstate.TimeInStateView;

import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns aggregates into the views the API returns; entities never leave the EJB layer. */
final class AgentViews {

    private AgentViews() {
    }

    static AgentStateView of(Agent agent) {
        return new AgentStateView(agent.id(), agent.login(), agent.displayName(), agent.extension(),
                agent.licenceTier().name(),
                agent.roles().stream().map(Role::groupName).collect(Collectors.toCollection(TreeSet::new)),
                agent.doNotDisturb(), agent.forwardingExtension(), agent.eventSequence(),
                agent.channelSessions().stream()
                        .map(s -> new ChannelStateView(s.channel(), s.state(), s.reasonCode(), s.stateSince(),
                                s.activeWork()))
                        .toList());
    }

    static TimeInStateView of(UUID agentId, Instant from, Instant to, TimeInState timeInState) {
        return new TimeInStateView(agentId, from, to,
                timeInState.periods().stream()
                        .map(p -> new TimeInStateView.Interval(p.channel(), p.state(), p.reasonCode(), p.start(),
                                p.end(), p.duration().toSeconds(), p.ongoing()))
                        .toList(),
                timeInState.totals().stream()
                        .map(t -> new TimeInStateView.Total(t.channel(), t.state(), t.reasonCode(),
                                t.duration().toSeconds()))
                        .toList());
    }
}
