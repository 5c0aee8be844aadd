package io.switchboard.routing.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.RoutingQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Interactions, queues and entry points, always within the caller's tenant. */
@ApplicationScoped
public class RoutingRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public Interaction lockInteraction(UUID tenantId, UUID interactionId) {
        Interaction interaction = em.find(Interaction.class, interactionId, LockModeType.PESSIMISTIC_WRITE);
        if (interaction == null || !interaction.tenantId().equals(tenantId)) {
            throw new NotFoundException("interaction-not-found", "No interaction " + interactionId + ".");
        }
        return interaction;
    }

    /** An interaction already claimed by this transaction (SKIP LOCKED query). */
    public Interaction claimed(UUID interactionId) {
        return em.find(Interaction.class, interactionId);
    }

    public Interaction interaction(UUID tenantId, UUID interactionId) {
        Interaction interaction = em.find(Interaction.class, interactionId);
        if (interaction == null || !interaction.tenantId().equals(tenantId)) {
            throw new NotFoundException("interaction-not-found", "No interaction " + interactionId + ".");
        }
        return interaction;
    }

    public Optional<Interaction> byIdempotencyKey(UUID tenantId, String key) {
        return em.createQuery("select i from Interaction i where i.tenantId = :tenant and i.idempotencyKey = :key",
                        Interaction.class)
                .setParameter("tenant", tenantId).setParameter("key", key).getResultStream().findFirst();
    }

    public List<Interaction> currentOf(UUID tenantId, UUID agentId) {
        return em.createQuery("select i from Interaction i where i.tenantId = :tenant and i.agentId = :agent "
                        + "and i.state in (io.switchboard.api.routing.InteractionState.OFFERED, "
                        + "io.switchboard.api.routing.InteractionState.ACTIVE, "
                        + "io.switchboard.api.routing.InteractionState.WRAP_UP) order by i.queuedSince",
                        Interaction.class)
                .setParameter("tenant", tenantId).setParameter("agent", agentId).getResultList();
    }

    public Optional<UUID> tenantByCode(String code) {
        return em.createNativeQuery("select id from tenant where code = :code", UUID.class)
                .setParameter("code", code).getResultStream().findFirst().map(UUID.class::cast);
    }

    public List<Interaction> inWorkbin(UUID tenantId, io.switchboard.routing.domain.Workbin workbin) {
        return em.createQuery("select i from Interaction i where i.tenantId = :tenant "
                        + "and i.state = io.switchboard.api.routing.InteractionState.PARKED and "
                        + (workbin.isPersonal() ? "i.workbinAgentId = :owner" : "i.workbinQueueId = :owner")
                        + " order by i.queuedSince", Interaction.class)
                .setParameter("tenant", tenantId)
                .setParameter("owner", workbin.isPersonal() ? workbin.agentId() : workbin.queueId())
                .getResultList();
    }

    public boolean agentExists(UUID tenantId, UUID agentId) {
        return !em.createNativeQuery("select id from agent where id = :agent and tenant_id = :tenant", UUID.class)
                .setParameter("agent", agentId).setParameter("tenant", tenantId).getResultList().isEmpty();
    }

    public RoutingQueue queue(UUID tenantId, UUID queueId) {
        RoutingQueue queue = em.find(RoutingQueue.class, queueId);
        if (queue == null || !queue.tenantId().equals(tenantId)) {
            throw new NotFoundException("queue-not-found", "No queue " + queueId + ".");
        }
        return queue;
    }

    public RoutingQueue queueOf(Interaction interaction) {
        return em.find(RoutingQueue.class, interaction.queueId());
    }

    public EntryPoint entryPoint(UUID tenantId, Channel channel, String address) {
        return em.createQuery("select e from EntryPoint e where e.tenantId = :tenant and e.channel = :channel "
                        + "and e.address = :address", EntryPoint.class)
                .setParameter("tenant", tenantId).setParameter("channel", channel)
                .setParameter("address", EntryPoint.normalise(address))
                .getResultStream().findFirst()
                .orElseThrow(() -> em.createQuery("select e.channel from EntryPoint e where e.tenantId = :tenant "
                                + "and e.address = :address", Channel.class)
                        .setParameter("tenant", tenantId).setParameter("address", EntryPoint.normalise(address))
                        .getResultStream().findFirst()
                        .<InvalidRequestException>map(other -> new InvalidRequestException("channel-mismatch",
                                "Entry point '" + address + "' takes " + other + " interactions, not " + channel + "."))
                        .orElseGet(() -> new InvalidRequestException("unknown-entry-point",
                                "No " + channel + " entry point '" + address + "' in this tenant.")));
    }

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }
}
