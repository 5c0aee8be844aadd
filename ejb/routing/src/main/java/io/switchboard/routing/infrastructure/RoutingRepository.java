package io.switchboard.routing.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.api.routing.QueueView;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.RoutingQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /** The agent an interaction is offered to or handled by right now (null: nobody), read without a lock. */
    @SuppressWarnings("unchecked")
    public UUID holderOf(UUID tenantId, UUID interactionId) {
        List<Object[]> rows = em.createNativeQuery("select id, agent_id from interaction where id = :id "
                        + "and tenant_id = :tenant").setParameter("id", interactionId).setParameter("tenant", tenantId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("interaction-not-found", "No interaction " + interactionId + ".");
        }
        return (UUID) rows.get(0)[1];
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
                        + "and i.state in (InteractionState.OFFERED, "
                        + "InteractionState.ACTIVE, "
                        + "InteractionState.WRAP_UP) order by i.queuedSince",
                        Interaction.class)
                .setParameter("tenant", tenantId).setParameter("agent", agentId).getResultList();
    }

    public Optional<UUID> tenantByCode(String code) {
        return em.createNativeQuery("select id from tenant where code = :code", UUID.class)
                .setParameter("code", code).getResultStream().findFirst().map(UUID.class::cast);
    }

    public List<Interaction> inWorkbin(UUID tenantId, io.switchboard.routing.domain.Workbin workbin) {
        return em.createQuery("select i from Interaction i where i.tenantId = :tenant "
                        + "and i.state = InteractionState.PARKED and "
                        + (workbin.isPersonal() ? "i.placement.agentId = :owner" : "i.placement.queueId = :owner")
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

    /** Queues with waiting count and oldest wait; only those {@code memberAgent} serves unless it is null. */
    @SuppressWarnings("unchecked")
    public List<QueueView> queueViews(UUID tenantId, UUID memberAgent) {
        List<Object[]> rows = em.createNativeQuery("""
                        select q.id, q.name, q.priority, count(i.id), min(i.queued_since) from routing_queue q
                          left join interaction i on i.queue_id = q.id and i.state = 'QUEUED'
                         where q.tenant_id = :tenant
                           and (cast(:member as uuid) is null
                                or exists (select 1 from queue_member m where m.queue_id = q.id
                                             and m.agent_id = cast(:member as uuid)))
                         group by q.id, q.name, q.priority
                         order by q.priority desc, q.name""")
                .setParameter("tenant", tenantId)
                .setParameter("member", memberAgent == null ? null : memberAgent.toString())
                .getResultList();
        return rows.stream().map(row -> new QueueView((UUID) row[0], (String) row[1],
                ((Number) row[2]).intValue(), ((Number) row[3]).longValue(),
                row[4] == null ? null : toInstant(row[4]))).toList();
    }

    /** A queue's members; empty when the tenant has no such queue. */
    @SuppressWarnings("unchecked")
    public java.util.Optional<List<UUID>> members(UUID tenantId, UUID queueId) {
        List<UUID> queue = em.createNativeQuery("select id from routing_queue where id = :id and tenant_id = :tenant",
                UUID.class).setParameter("id", queueId).setParameter("tenant", tenantId).getResultList();
        if (queue.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(em.createNativeQuery("select agent_id from queue_member where queue_id = :id "
                + "order by agent_id", UUID.class).setParameter("id", queueId).getResultList());
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** Interactions an agent holds right now, across the tenant. */
    public List<Interaction> inHand(UUID tenantId) {
        return em.createQuery("select i from Interaction i where i.tenantId = :tenant and i.state in :states "
                        + "order by i.queuedSince", Interaction.class)
                .setParameter("tenant", tenantId)
                .setParameter("states", List.of(InteractionState.OFFERED,
                        InteractionState.ACTIVE,
                        InteractionState.WRAP_UP))
                .getResultList();
    }
}
