package io.switchboard.agentstate.infrastructure.persistence;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.api.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The agents of every tenant. A lookup across tenants finds nothing, exactly like an unknown id. */
@ApplicationScoped
public class Agents {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** The agent with its row locked ({@code SELECT … FOR UPDATE}) until the transaction ends. */
    public Agent lockForUpdate(UUID tenantId, UUID agentId) {
        Agent agent = em.find(Agent.class, agentId, LockModeType.PESSIMISTIC_WRITE);
        return inTenant(agent, tenantId, agentId);
    }

    /** The agent's login, without loading (or locking) the agent. */
    public String loginOf(UUID tenantId, UUID agentId) {
        return em.createQuery("select a.login from Agent a where a.id = :id and a.tenantId = :tenant", String.class)
                .setParameter("id", agentId).setParameter("tenant", tenantId).getResultStream().findFirst()
                .orElseThrow(() -> new io.switchboard.api.error.NotFoundException("agent-not-found",
                        "No agent " + agentId + "."));
    }

    public Agent byId(UUID tenantId, UUID agentId) {
        return inTenant(em.find(Agent.class, agentId), tenantId, agentId);
    }

    public Optional<Agent> byLogin(UUID tenantId, String login) {
        return em.createQuery("select a from Agent a where a.tenantId = :tenant and a.login = :login", Agent.class)
                .setParameter("tenant", tenantId).setParameter("login", login)
                .getResultStream().findFirst();
    }

    /** The ids of the tenant's users, without loading them (each is then locked and read on its own). */
    public List<UUID> idsOf(UUID tenantId) {
        return em.createQuery("select a.id from Agent a where a.tenantId = :tenant order by a.id", UUID.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public List<Agent> allOf(UUID tenantId) {
        return em.createQuery("select distinct a from Agent a left join fetch a.channels "
                        + "where a.tenantId = :tenant order by a.login", Agent.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    public void add(Agent agent) {
        em.persist(agent);
    }

    private static Agent inTenant(Agent agent, UUID tenantId, UUID agentId) {
        if (agent == null || !agent.tenantId().equals(tenantId)) {
            throw new NotFoundException("agent-not-found", "No agent " + agentId + " in this tenant.");
        }
        return agent;
    }
}
