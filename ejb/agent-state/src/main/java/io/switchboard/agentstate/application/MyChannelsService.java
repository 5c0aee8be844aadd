package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.ReasonCode;
import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.agentstate.infrastructure.persistence.ReasonCodes;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentStateView;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/**
 * "My Channels" (AS1–AS4): log in and off, Ready and Not Ready on one channel or all, Do-Not-Disturb and call
 * forwarding. An empty channel set means "all". Each call is one transaction and returns the state after it.
 */
@Stateless
public class MyChannelsService {

    @Inject
    AgentCommands commands;

    @Inject
    Tenants tenants;

    @Inject
    ReasonCodes reasonCodes;

    public AgentStateView login(UUID tenantId, UUID agentId, Set<Channel> channels) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> agent.login(channels, now)));
    }

    public AgentStateView logOff(UUID tenantId, UUID agentId, Set<Channel> channels) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> agent.logOff(channels, now)));
    }

    public AgentStateView ready(UUID tenantId, UUID agentId, Set<Channel> channels) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> agent.ready(channels, now)));
    }

    public AgentStateView notReady(UUID tenantId, UUID agentId, Set<Channel> channels, String reasonCode) {
        ReasonCode reason = reasonCodes.activeOrFail(tenantId, reasonCode);
        Tenant tenant = tenants.byId(tenantId);
        return AgentViews.of(commands.apply(tenantId, agentId,
                (agent, now) -> agent.notReady(channels, reason, tenant.pendingNotReadyEnabled(), now)));
    }

    public AgentStateView switchDoNotDisturb(UUID tenantId, UUID agentId, boolean on) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> agent.switchDoNotDisturb(on, now)));
    }

    public AgentStateView forwardCallsTo(UUID tenantId, UUID agentId, String extension) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> agent.forwardCallsTo(extension, now)));
    }

    public AgentStateView clearForwarding(UUID tenantId, UUID agentId) {
        return AgentViews.of(commands.apply(tenantId, agentId, (agent, now) -> agent.clearForwarding(now)));
    }
}
