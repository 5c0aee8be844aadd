package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.AgentChanges;
import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentStateView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * What routing tells agent state: work started or ended on a channel (which completes Pending Not Ready), After-Call-
 * Work began, an offer went unanswered (RONA). Until the routing context exists, integrations call it over REST.
 */
@Stateless
public class AgentWorkService {

    @Inject
    AgentCommands commands;

    public AgentStateView workStarted(UUID tenantId, UUID agentId, Channel channel) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> {
            agent.workStarted(channel);
            return new AgentChanges();
        }));
    }

    public AgentStateView workEnded(UUID tenantId, UUID agentId, Channel channel) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> agent.workEnded(channel, now)));
    }

    public AgentStateView beginAfterCallWork(UUID tenantId, UUID agentId, Channel channel) {
        return AgentViews.of(commands.apply(tenantId, agentId,
                (agent, now) -> agent.beginAfterCallWork(channel, now)));
    }

    public AgentStateView redirectOnNoAnswer(UUID tenantId, UUID agentId, Channel channel) {
        return AgentViews.of(commands.apply(tenantId, agentId,
                (agent, now) -> agent.redirectOnNoAnswer(channel, now)));
    }
}
