package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.AgentChanges;
import io.switchboard.agentstate.domain.ReasonCode;
import io.switchboard.agentstate.infrastructure.persistence.ReasonCodes;
import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentStateView;
import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.agentstate.ChannelState;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/**
 * What routing tells agent state: work started or ended on a channel (which completes Pending Not Ready), After-Call-
 * Work began, an offer went unanswered (RONA). Until the routing context exists, integrations call it over REST.
 */
@Stateless
@LocalBean
@Local(AgentWork.class)
public class AgentWorkService implements AgentWork {

    @Inject
    AgentCommands commands;

    @Inject
    ReasonCodes reasonCodes;

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

    @Override
    public void startWork(UUID tenantId, UUID agentId, Channel channel) {
        workStarted(tenantId, agentId, channel);
    }

    @Override
    public void endWork(UUID tenantId, UUID agentId, Channel channel) {
        workEnded(tenantId, agentId, channel);
    }

    @Override
    public void noAnswer(UUID tenantId, UUID agentId, Channel channel) {
        commands.apply(tenantId, agentId, (agent, now) -> agent.channelStates().get(channel) == ChannelState.READY
                ? agent.redirectOnNoAnswer(channel, now) : new AgentChanges());
    }

    @Override
    public void startAfterCallWork(UUID tenantId, UUID agentId, Channel channel) {
        commands.apply(tenantId, agentId, (agent, now) -> agent.channelStates().get(channel) == ChannelState.READY
                ? agent.beginAfterCallWork(channel, now) : new AgentChanges());
    }

    @Override
    public void endAfterCallWork(UUID tenantId, UUID agentId, Channel channel, String nextState, String reasonCode) {
        ReasonCode reason = "NOT_READY".equals(nextState) ? reasonCodes.activeOrFail(tenantId, reasonCode) : null;
        commands.apply(tenantId, agentId, (agent, now) -> {
            if (agent.channelStates().get(channel) != ChannelState.AFTER_CALL_WORK) {
                return new AgentChanges();
            }
            return switch (nextState) {
                case "READY" -> agent.ready(Set.of(channel), now);
                case "NOT_READY" -> agent.notReady(Set.of(channel), reason, false, now);
                default -> new AgentChanges();
            };
        });
    }
}
