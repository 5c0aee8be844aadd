package io.switchboard.routing.infrastructure;

import io.switchboard.api.Channel;
import io.switchboard.routing.domain.MultimediaProfile;
import io.switchboard.routing.domain.Workload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The database side of routing. Whether an agent can take one more piece of work is decided only while holding that
 * agent's row lock ({@code agent … FOR UPDATE}, the same lock every agent-state command takes), from their workload
 * read afresh under that lock and their profile's rules ({@link MultimediaProfile#admits}), so two offers to one
 * agent, on any node, are counted one after the other and capacity is never exceeded. Interactions are claimed with {@code FOR UPDATE SKIP LOCKED}, so one interaction is never offered twice
 * and no two routers ever wait on each other.
 */
@ApplicationScoped
public class RoutingCandidates {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /**
     * The agent's load on one channel (interactions offered to them, active or in wrap-up, and their open
     * participations in others': a transfer ringing, a wrap-up owed after a transfer), its capacity under the
     * agent's profile (one of each without a profile), and whether a blending rule of that profile blocks the channel
     * now (offered or active work, a ringing transfer, a conference); a fragment for queries that alias the agent {@code a}, its
     * channel session {@code cs} and its profile link {@code ap}.
     */
    private static final String ROOM = """
             cross join lateral (select (select count(*) from interaction w
                                          where w.agent_id = a.id and w.channel = cs.channel
                                            and w.state in ('OFFERED', 'ACTIVE', 'WRAP_UP'))
                                      + (select count(*) from interaction_participation p
                                          where p.agent_id = a.id and p.channel = cs.channel
                                            and p.ended_at is null) as held) load
             where load.held < (case when ap.profile_id is null then 1
                                     else coalesce((select pc.capacity from profile_capacity pc
                                                     where pc.profile_id = ap.profile_id
                                                       and pc.channel = cs.channel), 0) end)
               and not exists (select 1 from profile_blocking pb
                                 join interaction e on e.agent_id = a.id and e.channel = pb.active_channel
                                                   and e.state in ('OFFERED', 'ACTIVE')
                                where pb.profile_id = ap.profile_id and pb.blocked_channel = cs.channel)
               and not exists (select 1 from profile_blocking pb
                                 join interaction_participation e on e.agent_id = a.id
                                                   and e.channel = pb.active_channel
                                                   and e.kind in ('TRANSFER_OFFER', 'CONFERENCED')
                                                   and e.ended_at is null
                                where pb.profile_id = ap.profile_id and pb.blocked_channel = cs.channel)
            """;

    /** How long the agent has been free on the channel: since they went Ready or their last work there ended. */
    private static final String FREE_SINCE = "greatest(cs.state_since, coalesce(cs.work_ended_at, cs.state_since))";

    /**
     * Ready, not-DND members of the queue on that channel whose profile has room for it now (capacity and blending,
     * decided again under the lock before any offer), not skipped for the interaction; the least loaded first, then
     * the longest free. Nothing is locked, so no busy agent's row is touched.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> readyMembers(UUID tenantId, UUID queueId, UUID interactionId, Channel channel, int limit) {
        return em.createNativeQuery("""
                        select a.id from agent a
                          join queue_member qm on qm.agent_id = a.id and qm.queue_id = :queue
                          join channel_session cs on cs.agent_id = a.id and cs.channel = :channel
                                                 and cs.state = 'READY'
                          left join agent_profile ap on ap.agent_id = a.id
                        """ + ROOM + """
                           and a.tenant_id = :tenant and not a.do_not_disturb
                           and not exists (select 1 from interaction_skip s
                                            where s.interaction_id = :interaction and s.agent_id = a.id)
                         order by load.held, """ + FREE_SINCE + """
                         limit :limit""", UUID.class)
                .setParameter("queue", queueId).setParameter("channel", channel.name())
                .setParameter("interaction", interactionId)
                .setParameter("tenant", tenantId).setParameter("limit", limit)
                .getResultList();
    }

    /** Takes the agent's row lock unless another transaction holds it. */
    public boolean tryLockAgent(UUID agentId) {
        return !em.createNativeQuery("select id from agent where id = :agent for update skip locked", UUID.class)
                .setParameter("agent", agentId).getResultList().isEmpty();
    }

    /** Takes the agent's row lock, waiting for it. */
    public void lockAgent(UUID agentId) {
        em.createNativeQuery("select id from agent where id = :agent for update", UUID.class)
                .setParameter("agent", agentId).getResultList();
    }

    /**
     * With the agent's row locked: Ready and not Do Not Disturb on the channel, with room for one more under their
     * profile (capacity and blending) — whether a transfer may ring for them.
     */
    public boolean canTakeTransfer(UUID agentId, Channel channel) {
        Set<Channel> ready = channelsIn(agentId, "cs.state = 'READY' and not a.do_not_disturb");
        return ready.contains(channel) && profileOf(agentId).admitted(EnumSet.of(channel), workload(agentId))
                .contains(channel);
    }

    /**
     * The tenant's agents with room for one more interaction of the channel now (Ready, not DND, capacity and
     * blending), among {@code agents}; nothing is locked (the transfer dialog's availability).
     */
    @SuppressWarnings("unchecked")
    public Set<UUID> withRoom(UUID tenantId, Channel channel, java.util.Collection<UUID> agents) {
        if (agents.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(em.createNativeQuery("""
                        select a.id from agent a
                          join channel_session cs on cs.agent_id = a.id and cs.channel = :channel
                                                 and cs.state = 'READY'
                          left join agent_profile ap on ap.agent_id = a.id
                        """ + ROOM + """
                           and a.tenant_id = :tenant and not a.do_not_disturb and a.id in (:agents)""", UUID.class)
                .setParameter("channel", channel.name()).setParameter("tenant", tenantId)
                .setParameter("agents", agents).getResultList());
    }

    /**
     * The interactions whose transfer rings for the agent on a channel (any, when null), locked (the caller holds the
     * agent's row).
     */
    @SuppressWarnings("unchecked")
    public List<UUID> lockTransfersTo(UUID agentId, Channel channel) {
        return em.createNativeQuery("select id from interaction where transfer_target_id = :agent "
                        + "and (cast(:channel as varchar) is null or channel = cast(:channel as varchar)) "
                        + "order by id for update", UUID.class)
                .setParameter("agent", agentId).setParameter("channel", channel == null ? null : channel.name())
                .getResultList();
    }

    /** With the agent's row locked: logged in on the channel (any state) and below capacity — to pick up work. */
    public boolean canHold(UUID agentId, Channel channel) {
        return channelsIn(agentId, "cs.state <> 'LOGGED_OUT'").contains(channel)
                && profileOf(agentId).hasRoomFor(channel, workload(agentId));
    }

    /** Whether the agent serves the queue (may use its team workbin). */
    public boolean isMember(UUID agentId, UUID queueId) {
        return !em.createNativeQuery("select agent_id from queue_member where agent_id = :agent and queue_id = :queue",
                        UUID.class)
                .setParameter("agent", agentId).setParameter("queue", queueId).getResultList().isEmpty();
    }

    /**
     * With the agent's row locked: the waiting interaction this agent should get next — highest queue priority,
     * then the oldest — on a channel their profile admits one more offer on; claimed with SKIP LOCKED.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claimNextFor(UUID tenantId, UUID agentId) {
        Set<Channel> admitted = admittedChannels(agentId);
        if (admitted.isEmpty()) {
            return Optional.empty();
        }
        // Per queue of the agent, the head of its waiting line (an ordered index scan that stops at the first row
        // it may take, however long the line); then the highest priority, oldest of those heads. The heads of the
        // agent's other queues stay locked until this transaction ends: other routers skip them meanwhile.
        List<UUID> next = em.createNativeQuery("""
                        select head.id from queue_member qm
                          join routing_queue q on q.id = qm.queue_id and q.tenant_id = :tenant
                          cross join lateral (
                                select i.id, i.queued_since from interaction i
                                 where i.queue_id = qm.queue_id and i.state = 'QUEUED' and i.channel in (:channels)
                                   and not exists (select 1 from interaction_skip s
                                                    where s.interaction_id = i.id and s.agent_id = :agent)
                                 order by i.queued_since
                                 limit 1
                                 for update of i skip locked) head
                         where qm.agent_id = :agent
                         order by q.priority desc, head.queued_since
                         limit 1""", UUID.class)
                .setParameter("agent", agentId)
                .setParameter("channels", admitted.stream().map(Channel::name).toList())
                .setParameter("tenant", tenantId).getResultList();
        return next.stream().findFirst();
    }

    /** Ready (and not DND) channels on which the agent's profile admits one more offer given what they hold. */
    private Set<Channel> admittedChannels(UUID agentId) {
        Set<Channel> ready = channelsIn(agentId, "cs.state = 'READY' and not a.do_not_disturb");
        return ready.isEmpty() ? ready : profileOf(agentId).admitted(ready, workload(agentId));
    }

    @SuppressWarnings("unchecked")
    private Set<Channel> channelsIn(UUID agentId, String condition) {
        em.flush();
        List<String> channels = em.createNativeQuery("select cs.channel from channel_session cs "
                        + "join agent a on a.id = cs.agent_id where cs.agent_id = :agent and " + condition,
                        String.class)
                .setParameter("agent", agentId).getResultList();
        Set<Channel> result = EnumSet.noneOf(Channel.class);
        channels.forEach(channel -> result.add(Channel.valueOf(channel)));
        return result;
    }

    /** What the agent holds now; flushed first so this transaction's own offers count. */
    @SuppressWarnings("unchecked")
    public Workload workload(UUID agentId) {
        em.flush();
        List<Object[]> rows = em.createNativeQuery("""
                        select channel, count(*), bool_or(engaged) from (
                          select channel, state in ('OFFERED', 'ACTIVE') as engaged from interaction
                           where agent_id = :agent and state in ('OFFERED', 'ACTIVE', 'WRAP_UP')
                          union all
                          select channel, kind in ('TRANSFER_OFFER', 'CONFERENCED') from interaction_participation
                           where agent_id = :agent and ended_at is null) held
                         group by channel""")
                .setParameter("agent", agentId).getResultList();
        Map<Channel, Integer> held = new EnumMap<>(Channel.class);
        Set<Channel> engaged = EnumSet.noneOf(Channel.class);
        for (Object[] row : rows) {
            Channel channel = Channel.valueOf((String) row[0]);
            held.put(channel, ((Number) row[1]).intValue());
            if (Boolean.TRUE.equals(row[2])) {
                engaged.add(channel);
            }
        }
        return new Workload(held, engaged);
    }

    /** The agent's multimedia profile; one of each channel when they have none. */
    @SuppressWarnings("unchecked")
    public MultimediaProfile profileOf(UUID agentId) {
        List<UUID> profile = em.createNativeQuery("select profile_id from agent_profile where agent_id = :agent",
                UUID.class).setParameter("agent", agentId).getResultList();
        return profile.isEmpty() ? MultimediaProfile.oneOfEach(null) : em.find(MultimediaProfile.class, profile.get(0));
    }

    /**
     * Kinds of deadline work the sweeper does, each a condition on an interaction row. Whether a row is due is
     * decided by one clock, the application's ({@code :now}), the same one that wrote the deadline and that the
     * domain checks it against.
     */
    public enum Due {
        EXPIRED_OFFER("i.state = 'OFFERED' and i.offer_deadline <= :now", "offer_deadline"),
        AFTER_CALL_WORK_OVER("i.state = 'WRAP_UP' and i.acw_running and i.acw_deadline <= :now", "acw_deadline");

        private final String condition;
        private final String deadline;

        Due(String condition, String deadline) {
            this.condition = condition;
            this.deadline = deadline;
        }

        /** The interaction column holding this work's deadline. */
        public String deadlineColumn() {
            return deadline;
        }
    }

    /** An agent, with their tenant. */
    public record AgentRef(UUID tenantId, UUID agentId) {
    }

    /**
     * A due row: the interaction, the agent whose row must be locked first, and whether failures of this kind of
     * work are recorded for it (for any deadline), to be cleared when it succeeds.
     */
    public record DueRow(UUID interactionId, UUID agentId, boolean failedBefore) {
    }

    /**
     * Agents who are Ready with room on a channel (capacity and blending) and serve a queue where work of that
     * channel, which they were not skipped for, has waited over a second: the work that arrived while every candidate
     * was busy or locked. The agents whose eligible work has waited longest come first, then the longest free; each
     * tenant's agents are interleaved (the first of every tenant, then the second…), so one tenant's backlog cannot
     * crowd out another's. Driving the retry from agents bounds the work by those who can take something, however
     * long the queue; nothing is locked.
     */
    @SuppressWarnings("unchecked")
    public List<AgentRef> agentsWithRoomForWaitingWork(java.time.Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select tenant_id, id from (
                          select tenant_id, id, waited_since,
                                 row_number() over (partition by tenant_id order by waited_since, free_since) as turn
                            from (
                              select a.tenant_id, a.id, min(oldest.queued_since) as waited_since,
                                     min(""" + FREE_SINCE + """
                        ) as free_since
                                from agent a
                                join channel_session cs on cs.agent_id = a.id and cs.state = 'READY'
                                join queue_member qm on qm.agent_id = a.id
                                left join agent_profile ap on ap.agent_id = a.id
                                cross join lateral (
                                      select i.queued_since from interaction i
                                       where i.queue_id = qm.queue_id and i.state = 'QUEUED'
                                         and i.channel = cs.channel and i.queued_since < :cutoff
                                         and not exists (select 1 from interaction_skip s
                                                          where s.interaction_id = i.id and s.agent_id = a.id)
                                       order by i.queued_since
                                       limit 1
                                ) oldest
                        """ + ROOM + """
                                 and not a.do_not_disturb
                               group by a.tenant_id, a.id
                            ) candidates
                        ) ranked
                         order by turn, waited_since
                         limit :limit""")
                .setParameter("cutoff", utc(now.minusSeconds(1)))
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new AgentRef((UUID) row[0], (UUID) row[1])).toList();
    }

    /**
     * Rows with that kind of work due, with the agent to lock first; rows that failed before come after the others
     * and quarantined ones not at all, so a row that keeps failing never holds the head of the line. Nothing is
     * locked.
     */
    @SuppressWarnings("unchecked")
    public List<DueRow> due(Due due, java.time.Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery("select i.id, i.agent_id, exists (select 1 from sweep_failure g where g.interaction_id = i.id "
                        + "and g.work = :work) from interaction i "
                        + "left join sweep_failure f on f.interaction_id = i.id and f.work = :work "
                        + "and f.deadline = i." + due.deadline + " "
                        + "where " + due.condition + " and f.quarantined_at is null "
                        + "order by coalesce(f.failures, 0), i." + due.deadline + " limit :limit")
                .setParameter("work", due.name()).setParameter("now", utc(now))
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new DueRow((UUID) row[0], (UUID) row[1], Boolean.TRUE.equals(row[2])))
                .toList();
    }

    /**
     * Claims one interaction if the work is still due, it is still the same agent's (whose row the caller locked
     * first) and no one else holds it (SKIP LOCKED).
     */
    public boolean claim(DueRow row, Due due, java.time.Instant now) {
        return !em.createNativeQuery("select i.id from interaction i where i.id = :id and i.agent_id = :agent and "
                        + due.condition + " for update skip locked", UUID.class)
                .setParameter("id", row.interactionId()).setParameter("agent", row.agentId())
                .setParameter("now", utc(now))
                .getResultList().isEmpty();
    }

    /** The offers an agent has outstanding on a channel, locked (the caller holds the agent's row: the lock order). */
    @SuppressWarnings("unchecked")
    public List<UUID> lockOffers(UUID agentId, Channel channel) {
        return em.createNativeQuery("select id from interaction where agent_id = :agent and channel = :channel "
                        + "and state = 'OFFERED' order by queued_since for update", UUID.class)
                .setParameter("agent", agentId).setParameter("channel", channel.name()).getResultList();
    }

    /** A point in time bound as {@code timestamptz}, whatever the JVM's and the session's time zones. */
    private static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
