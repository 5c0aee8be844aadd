package io.switchboard.routing.infrastructure;

import io.switchboard.api.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The database side of routing. Whether an agent can take one more piece of work is decided only while holding that
 * agent's row lock ({@code agent … FOR UPDATE}, the same lock every agent-state command takes) and in a fresh
 * statement, so two offers to one agent, on any node, are counted one after the other and capacity is never
 * exceeded. Interactions are claimed with {@code FOR UPDATE SKIP LOCKED}, so one interaction is never offered twice
 * and no two routers ever wait on each other.
 */
@ApplicationScoped
public class RoutingCandidates {

    /** Free capacity of agent :agent on channel :channel, with the agent's profile (no profile: one of each). */
    private static final String HAS_CAPACITY = """
            (select count(*) from interaction w
               where w.agent_id = a.id and w.channel = %1$s and w.state in ('OFFERED', 'ACTIVE', 'WRAP_UP'))
            < coalesce((select coalesce(pc.capacity, 0) from agent_profile ap
                          left join profile_capacity pc on pc.profile_id = ap.profile_id and pc.channel = %1$s
                         where ap.agent_id = a.id), 1)
            """;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** Ready, not-DND members of the queue on that channel, longest idle first; nothing is locked yet. */
    @SuppressWarnings("unchecked")
    public List<UUID> readyMembers(UUID tenantId, UUID queueId, Channel channel, int limit) {
        return em.createNativeQuery("""
                        select a.id from agent a
                          join queue_member qm on qm.agent_id = a.id and qm.queue_id = :queue
                          join channel_session cs on cs.agent_id = a.id and cs.channel = :channel
                                                 and cs.state = 'READY'
                         where a.tenant_id = :tenant and not a.do_not_disturb
                         order by cs.state_since
                         limit :limit""", UUID.class)
                .setParameter("queue", queueId).setParameter("channel", channel.name())
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

    /** With the agent's row locked: logged in on the channel (any state) and below capacity — to pick up work. */
    public boolean canHold(UUID agentId, Channel channel) {
        em.flush();
        return !em.createNativeQuery("""
                        select a.id from agent a
                          join channel_session cs on cs.agent_id = a.id and cs.channel = :channel
                                                 and cs.state <> 'LOGGED_OUT'
                         where a.id = :agent and """ + HAS_CAPACITY.formatted(":channel"), UUID.class)
                .setParameter("agent", agentId).setParameter("channel", channel.name())
                .getResultList().isEmpty();
    }

    /** Whether the agent serves the queue (may use its team workbin). */
    public boolean isMember(UUID agentId, UUID queueId) {
        return !em.createNativeQuery("select agent_id from queue_member where agent_id = :agent and queue_id = :queue",
                        UUID.class)
                .setParameter("agent", agentId).setParameter("queue", queueId).getResultList().isEmpty();
    }

    /** With the agent's row locked: Ready on the channel, not DND, and below capacity. */
    public boolean canTake(UUID agentId, Channel channel) {
        em.flush();
        return !em.createNativeQuery("""
                        select a.id from agent a
                          join channel_session cs on cs.agent_id = a.id and cs.channel = :channel
                                                 and cs.state = 'READY'
                         where a.id = :agent and not a.do_not_disturb and """
                        + HAS_CAPACITY.formatted(":channel"), UUID.class)
                .setParameter("agent", agentId).setParameter("channel", channel.name())
                .getResultList().isEmpty();
    }

    /**
     * With the agent's row locked: the waiting interaction this agent should get next — highest queue priority,
     * then the oldest — on a channel where the agent is Ready with free capacity; claimed with SKIP LOCKED.
     */
    @SuppressWarnings("unchecked")
    public Optional<UUID> claimNextFor(UUID tenantId, UUID agentId) {
        em.flush();
        List<UUID> next = em.createNativeQuery("""
                        select i.id from interaction i
                          join routing_queue q on q.id = i.queue_id
                          join queue_member qm on qm.queue_id = i.queue_id and qm.agent_id = :agent
                          join agent a on a.id = :agent
                          join channel_session cs on cs.agent_id = a.id and cs.channel = i.channel
                                                 and cs.state = 'READY'
                         where i.state = 'QUEUED' and i.tenant_id = :tenant and not a.do_not_disturb
                           and position(:agentText in i.skipped_agents) = 0 and """
                        + HAS_CAPACITY.formatted("i.channel") + """
                         order by q.priority desc, i.queued_since
                         limit 1
                         for update of i skip locked""", UUID.class)
                .setParameter("agent", agentId).setParameter("agentText", agentId.toString())
                .setParameter("tenant", tenantId).getResultList();
        return next.stream().findFirst();
    }

    /** Kinds of deadline work the sweeper does, each a condition on an interaction row. */
    public enum Due {
        EXPIRED_OFFER("state = 'OFFERED' and offer_deadline <= now()", "offer_deadline"),
        AFTER_CALL_WORK_OVER("acw_running and acw_deadline <= now()", "acw_deadline"),
        /** Waiting, and some member of its queue is Ready on its channel (so a retry can succeed). */
        STILL_WAITING("""
                state = 'QUEUED' and queued_since < now() - interval '1 second'
                and exists (select 1 from queue_member qm
                              join agent a on a.id = qm.agent_id and not a.do_not_disturb
                              join channel_session cs on cs.agent_id = qm.agent_id and cs.state = 'READY'
                             where qm.queue_id = interaction.queue_id and cs.channel = interaction.channel)""",
                "queued_since");

        private final String condition;
        private final String order;

        Due(String condition, String order) {
            this.condition = condition;
            this.order = order;
        }
    }

    /** Interactions with that kind of work due, oldest first; nothing is locked. */
    @SuppressWarnings("unchecked")
    public List<UUID> due(Due due, int limit) {
        return em.createNativeQuery("select id from interaction where " + due.condition + " order by " + due.order
                + " limit :limit", UUID.class).setParameter("limit", limit).getResultList();
    }

    /** Claims one interaction if the work is still due and no one else holds it (SKIP LOCKED). */
    public boolean claim(UUID interactionId, Due due) {
        return !em.createNativeQuery("select id from interaction where id = :id and " + due.condition
                        + " for update skip locked", UUID.class)
                .setParameter("id", interactionId).getResultList().isEmpty();
    }
}
