package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.AgentChanges;
import io.switchboard.agentstate.domain.ReasonCode;
import io.switchboard.agentstate.infrastructure.persistence.ReasonCodes;
import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentWork;
import io.switchboard.api.agentstate.ChannelState;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.UUID;

/**
 * What routing tells agent state, inside routing's transaction: work started or ended on a channel (which completes
 * Pending Not Ready), After-Call-Work began or ended, an offer went unanswered (RONA). Only routing changes an
 * agent's active work, always with an interaction behind it: there is no REST endpoint for it.
 */
@Stateless
@LocalBean
@Local(AgentWork.class)
public class AgentWorkService implements AgentWork {

    private static final Logger LOG = Logger.getLogger(AgentWorkService.class.getName());

    @Inject
    AgentCommands commands;

    @Inject
    ReasonCodes reasonCodes;

    @Override
    public void startWork(UUID tenantId, UUID agentId, Channel channel) {
        commands.apply(tenantId, agentId, (agent, now) -> {
            agent.workStarted(channel);
            return new AgentChanges();
        });
    }

    @Override
    public void endWork(UUID tenantId, UUID agentId, Channel channel) {
        commands.apply(tenantId, agentId, (agent, now) -> agent.workEnded(channel, now));
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

    /**
     * Never fails because of the queue's setting: a reason code that is no longer active (queues are checked when
     * written and codes in use cannot be retired, but rows older than that rule exist) leaves the channel in ACW for
     * the agent to choose, as MANUAL does.
     */
    @Override
    public void endAfterCallWork(UUID tenantId, UUID agentId, Channel channel, String nextState, String reasonCode) {
        Optional<ReasonCode> reason = "NOT_READY".equals(nextState) && reasonCode != null
                ? reasonCodes.byCode(tenantId, reasonCode).filter(ReasonCode::active) : Optional.empty();
        if ("NOT_READY".equals(nextState) && reason.isEmpty()) {
            LOG.warning(() -> "After-Call-Work of agent " + agentId + " ends in Not Ready (" + reasonCode
                    + "), which is no longer an active reason; the channel stays in ACW for the agent to choose");
        }
        commands.apply(tenantId, agentId, (agent, now) -> {
            if (agent.channelStates().get(channel) != ChannelState.AFTER_CALL_WORK) {
                return new AgentChanges();
            }
            return switch (nextState) {
                case "READY" -> agent.ready(Set.of(channel), now);
                case "NOT_READY" -> reason.map(r -> agent.notReady(Set.of(channel), r, false, now))
                        .orElseGet(AgentChanges::new);
                default -> new AgentChanges();
            };
        });
    }
}
