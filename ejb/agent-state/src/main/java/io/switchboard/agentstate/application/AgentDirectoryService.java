package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.LicenceTier;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

/** What other contexts read about an agent (routing: the licence tier a multimedia profile needs). */
@Stateless
@LocalBean
@Local(AgentDirectory.class)
public class AgentDirectoryService implements AgentDirectory {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Override
    public Optional<LicenceTier> licenceTierOf(UUID tenantId, UUID agentId) {
        return Optional.ofNullable(em.find(Agent.class, agentId))
                .filter(agent -> agent.tenantId().equals(tenantId))
                .map(Agent::licenceTier);
    }
}
