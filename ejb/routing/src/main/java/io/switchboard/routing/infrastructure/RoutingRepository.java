package io.switchboard.routing.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.api.routing.QueueView;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.Participation;
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

    /** The agents a change of an interaction touches, as of its {@code version}. */
    public record Concerned(java.util.Set<UUID> agents, long version) {
    }

    /**
     * Every agent whose work a change of the interaction touches — its holder, a pending transfer's target, the
     * colleagues in conference — with the interaction's version, in one statement without a lock, to lock them
     * before the interaction.
     */
    @SuppressWarnings("unchecked")
    public Concerned concerned(UUID tenantId, UUID interactionId) {
        List<Object[]> rows = em.createNativeQuery("select i.version, i.agent_id, i.transfer_target_id, p.agent_id "
                        + "from interaction i left join interaction_participation p on p.interaction_id = i.id "
                        + "and p.ended_at is null and p.kind = 'CONFERENCED' "
                        + "where i.id = :id and i.tenant_id = :tenant")
                .setParameter("id", interactionId).setParameter("tenant", tenantId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("interaction-not-found", "No interaction " + interactionId + ".");
        }
        java.util.Set<UUID> agents = new java.util.HashSet<>();
        for (Object[] row : rows) {
            for (int column = 1; column <= 3; column++) {
                if (row[column] != null) {
                    agents.add((UUID) row[column]);
                }
            }
        }
        return new Concerned(agents, ((Number) rows.get(0)[0]).longValue());
    }

    /** The colleagues in conference on the interaction now. */
    public List<Participation> conferenceOf(UUID interactionId) {
        return em.createQuery("select p from Participation p where p.interactionId = :interaction "
                        + "and p.endedAt is null and p.kind = :kind order by p.since", Participation.class)
                .setParameter("interaction", interactionId).setParameter("kind", Participation.Kind.CONFERENCED)
                .getResultList();
    }

    /** The interaction's row lock unless another transaction holds it. */
    public Optional<Interaction> tryLockInteraction(UUID tenantId, UUID interactionId) {
        boolean locked = !em.createNativeQuery("select id from interaction where id = :id and tenant_id = :tenant "
                        + "for update skip locked", UUID.class).setParameter("id", interactionId)
                .setParameter("tenant", tenantId).getResultList().isEmpty();
        return locked ? Optional.of(em.find(Interaction.class, interactionId)) : Optional.empty();
    }

    /** The agent's open part in the interaction, if any (a transfer ringing, a wrap-up owed). */
    public Optional<Participation> openParticipation(UUID interactionId, UUID agentId) {
        return em.createQuery("select p from Participation p where p.interactionId = :interaction "
                        + "and p.agentId = :agent and p.endedAt is null", Participation.class)
                .setParameter("interaction", interactionId).setParameter("agent", agentId)
                .getResultStream().findFirst();
    }

    /** The open parts agents have in the interaction (transfers ringing, wrap-ups owed). */
    public List<Participation> openParticipationsIn(UUID interactionId) {
        return em.createQuery("select p from Participation p where p.interactionId = :interaction "
                        + "and p.endedAt is null", Participation.class)
                .setParameter("interaction", interactionId).getResultList();
    }

    /** The agent's open parts in interactions they do not hold. */
    public List<Participation> openParticipationsOf(UUID tenantId, UUID agentId) {
        return em.createQuery("select p from Participation p where p.tenantId = :tenant and p.agentId = :agent "
                        + "and p.endedAt is null order by p.since", Participation.class)
                .setParameter("tenant", tenantId).setParameter("agent", agentId).getResultList();
    }

    /** Whether an entry point of the channel leads to the queue: the queue serves that channel. */
    public boolean queueServes(UUID queueId, Channel channel) {
        return !em.createNativeQuery("select id from entry_point where queue_id = :queue and channel = :channel "
                        + "limit 1", UUID.class).setParameter("queue", queueId).setParameter("channel", channel.name())
                .getResultList().isEmpty();
    }

    /** The queues of the tenant that serve the channel. */
    @SuppressWarnings("unchecked")
    public java.util.Set<UUID> queuesServing(UUID tenantId, Channel channel) {
        return new java.util.HashSet<>(em.createNativeQuery("select distinct queue_id from entry_point "
                        + "where tenant_id = :tenant and channel = :channel", UUID.class)
                .setParameter("tenant", tenantId).setParameter("channel", channel.name()).getResultList());
    }

    /**
     * The tenant's agents who take work, but {@code except}, whose display name or login contains {@code search}
     * (case-insensitive; all when blank), with their state and reason on the channel; at most {@code limit}, by name.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> agentsOnChannel(UUID tenantId, Channel channel, UUID except, String search, int limit) {
        String pattern = "%" + (search == null ? "" : search.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return em.createNativeQuery("""
                        select a.id, a.login, a.display_name, coalesce(cs.state, 'LOGGED_OUT'), cs.reason_code,
                               a.do_not_disturb
                          from agent a
                          left join channel_session cs on cs.agent_id = a.id and cs.channel = :channel
                         where a.tenant_id = :tenant and a.id <> :except
                           and (a.roles like '%AGENT%' or a.roles like '%SUPERVISOR%')
                           and (lower(a.display_name) like :pattern or lower(a.login) like :pattern)
                         order by a.display_name, a.login
                         limit :limit""")
                .setParameter("channel", channel.name()).setParameter("tenant", tenantId)
                .setParameter("except", except).setParameter("pattern", pattern).setParameter("limit", limit)
                .getResultList();
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

    public Optional<RoutingQueue> queueIfAny(UUID tenantId, UUID queueId) {
        return Optional.ofNullable(em.find(RoutingQueue.class, queueId)).filter(q -> q.tenantId().equals(tenantId));
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

    /** Every tenant's entry points of a channel, in a stable order. */
    public List<EntryPoint> entryPointsOf(Channel channel) {
        return em.createQuery("select e from EntryPoint e where e.channel = :channel order by e.id", EntryPoint.class)
                .setParameter("channel", channel).getResultList();
    }

    public Optional<EntryPoint> entryPoint(UUID entryPointId) {
        return Optional.ofNullable(em.find(EntryPoint.class, entryPointId));
    }

    /** The customer's newest conversation through the entry point that still takes their messages. */
    public Optional<UUID> openConversationWith(UUID tenantId, EntryPoint entryPoint, String customerAddress) {
        return em.createQuery("select i.id from Interaction i where i.tenantId = :tenant and i.channel = :channel "
                        + "and i.entryPointId = :entryPoint and i.customerAddress = :address and i.state in :open "
                        + "order by i.queuedSince desc", UUID.class)
                .setParameter("tenant", tenantId).setParameter("channel", entryPoint.channel())
                .setParameter("entryPoint", entryPoint.id())
                .setParameter("address", customerAddress)
                .setParameter("open", java.util.EnumSet.of(InteractionState.QUEUED, InteractionState.OFFERED,
                        InteractionState.ACTIVE, InteractionState.PARKED))
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * The agent's outbound conversations still theirs, on every channel: in hand, or parked in their personal
     * workbin (a parked interaction has no agent; its workbin names them).
     */
    public long outboundHeldBy(UUID agentId) {
        return ((Number) em.createNativeQuery("select count(*) from interaction where outbound and ((state = 'ACTIVE' "
                        + "and agent_id = :agent) or (state = 'PARKED' and workbin_agent_id = :agent))")
                .setParameter("agent", agentId).getSingleResult()).longValue();
    }

    /** See {@link io.switchboard.api.routing.Conversations#lockConversationsWith}: a transaction-scoped lock. */
    public void lockConversationsWith(UUID tenantId, Channel channel, String customerAddress) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "conversation:" + tenantId + ":" + channel + ":" + customerAddress)
                .getSingleResult();
    }

    /** Whether the tenant has an open conversation with this address on the channel, through any entry point. */
    public boolean openConversationExists(UUID tenantId, Channel channel, String customerAddress) {
        return !em.createQuery("select i.id from Interaction i where i.tenantId = :tenant and i.channel = :channel "
                        + "and i.customerAddress = :address and i.state in :open", UUID.class)
                .setParameter("tenant", tenantId).setParameter("channel", channel)
                .setParameter("address", customerAddress)
                .setParameter("open", java.util.EnumSet.of(InteractionState.QUEUED, InteractionState.OFFERED,
                        InteractionState.ACTIVE, InteractionState.PARKED))
                .setMaxResults(1).getResultList().isEmpty();
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
