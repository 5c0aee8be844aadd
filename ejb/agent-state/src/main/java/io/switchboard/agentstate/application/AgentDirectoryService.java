package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.ChannelSession;
import io.switchboard.agentstate.domain.Role;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.agentstate.Colleague;
import io.switchboard.api.agentstate.Presence;
import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.LicenceTier;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What other contexts read about an agent (routing: the licence tier a multimedia profile needs; IM: who is there and
 * their presence).
 */
@Stateless
@LocalBean
@Local(AgentDirectory.class)
public class AgentDirectoryService implements AgentDirectory {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Agents agents;

    @Override
    public Optional<LicenceTier> licenceTierOf(UUID tenantId, UUID agentId) {
        return Optional.ofNullable(em.find(Agent.class, agentId))
                .filter(agent -> agent.tenantId().equals(tenantId))
                .map(Agent::licenceTier);
    }

    @Override
    public Optional<Colleague> colleague(UUID tenantId, UUID agentId) {
        return Optional.ofNullable(em.find(Agent.class, agentId)).filter(agent -> agent.tenantId().equals(tenantId))
                .map(AgentDirectoryService::colleagueOf);
    }

    @Override
    public Optional<io.switchboard.api.agentstate.OutboundStanding> outboundStanding(UUID tenantId, UUID agentId,
                                                                                     io.switchboard.api.Channel channel) {
        return Optional.ofNullable(em.find(Agent.class, agentId)).filter(agent -> agent.tenantId().equals(tenantId))
                .map(agent -> new io.switchboard.api.agentstate.OutboundStanding(
                        em.find(io.switchboard.agentstate.domain.Tenant.class, tenantId).digitalChannelsEnabled(),
                        agent.licenceTier(), agent.stateOn(channel)));
    }

    @Override
    public Optional<io.switchboard.api.agentstate.TenantSettingsView> tenant(UUID tenantId) {
        return Optional.ofNullable(em.find(io.switchboard.agentstate.domain.Tenant.class, tenantId))
                .map(TenantConfigurationService::viewOf);
    }

    @Override
    public List<Colleague> colleagues(UUID tenantId) {
        // people who take work or supervise it; not administrators' or integrations' accounts
        return agents.allOf(tenantId).stream()
                .filter(agent -> agent.roles().contains(Role.AGENT) || agent.roles().contains(Role.SUPERVISOR))
                .map(AgentDirectoryService::colleagueOf)
                .sorted(Comparator.comparing(Colleague::displayName)).toList();
    }

    private static Colleague colleagueOf(Agent agent) {
        List<ChannelSession> sessions = agent.channelSessions();
        Presence presence;
        String reason = null;
        if (sessions.stream().allMatch(s -> s.state() == ChannelState.LOGGED_OUT)) {
            presence = Presence.OFFLINE;
        } else if (sessions.stream().anyMatch(s -> s.activeWork() > 0 || s.state() == ChannelState.AFTER_CALL_WORK)) {
            presence = Presence.BUSY;
        } else if (sessions.stream().anyMatch(s -> s.state() == ChannelState.READY)) {
            presence = Presence.AVAILABLE;
        } else {
            presence = Presence.NOT_READY;
            reason = sessions.stream().map(ChannelSession::reasonCode).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
        }
        return new Colleague(agent.id(), agent.login(), agent.displayName(), presence, reason);
    }
}
