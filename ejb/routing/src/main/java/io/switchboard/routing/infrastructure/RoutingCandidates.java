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
        return channelsIn(agentId, "cs.state <> 'LOGGED_OUT'").contains(channel)
                && profileOf(agentId).hasRoomFor(channel, workload(agentId));
    }

    /** Whether the agent serves the queue (may use its team workbin). */
    public boolean isMember(UUID agentId, UUID queueId) {
        return !em.createNativeQuery("select agent_id from queue_member where agent_id = :agent and queue_id = :queue",
                        UUID.class)
                .setParameter("agent", agentId).setParameter("queue", queueId).getResultList().isEmpty();
    }

    /** With the agent's row locked: Ready on the channel, not DND, and admitted by their profile. */
    public boolean canTake(UUID agentId, Channel channel) {
        return admittedChannels(agentId).contains(channel);
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
        List<UUID> next = em.createNativeQuery("""
                        select i.id from interaction i
                          join routing_queue q on q.id = i.queue_id
                          join queue_member qm on qm.queue_id = i.queue_id and qm.agent_id = :agent
                         where i.state = 'QUEUED' and i.tenant_id = :tenant and i.channel in (:channels)
                           and position(:agentText in i.skipped_agents) = 0
                         order by q.priority desc, i.queued_since
                         limit 1
                         for update of i skip locked""", UUID.class)
                .setParameter("agent", agentId).setParameter("agentText", agentId.toString())
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
                        select channel, count(*), bool_or(state in ('OFFERED', 'ACTIVE')) from interaction
                         where agent_id = :agent and state in ('OFFERED', 'ACTIVE', 'WRAP_UP')
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

    /** Kinds of deadline work the sweeper does, each a condition on an interaction row. */
    public enum Due {
        EXPIRED_OFFER("state = 'OFFERED' and offer_deadline <= now()", "offer_deadline"),
        AFTER_CALL_WORK_OVER("acw_running and acw_deadline <= now()", "acw_deadline");

        private final String condition;
        private final String order;

        Due(String condition, String order) {
            this.condition = condition;
            this.order = order;
        }
    }

    /** An agent, with their tenant. */
    public record AgentRef(UUID tenantId, UUID agentId) {
    }

    /**
     * Agents who are Ready, below capacity on a channel (profile capacity only: blending is checked when filling),
     * and serve a queue where work of that channel has waited over a second — the interactions that arrived while
     * every candidate was busy or locked. Driving the retry from agents bounds the work by the agents who can
     * actually take something, however long the queue; nothing is locked.
     */
    @SuppressWarnings("unchecked")
    public List<AgentRef> agentsWithRoomForWaitingWork(int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        select distinct a.tenant_id, a.id from agent a
                          join channel_session cs on cs.agent_id = a.id and cs.state = 'READY'
                          join queue_member qm on qm.agent_id = a.id
                         where not a.do_not_disturb
                           and exists (select 1 from interaction i
                                        where i.queue_id = qm.queue_id and i.channel = cs.channel
                                          and i.state = 'QUEUED' and i.queued_since < now() - interval '1 second'
                                          and position(a.id::text in i.skipped_agents) = 0)
                           and (select count(*) from interaction w
                                 where w.agent_id = a.id and w.channel = cs.channel
                                   and w.state in ('OFFERED', 'ACTIVE', 'WRAP_UP'))
                               < coalesce((select coalesce(pc.capacity, 0) from agent_profile ap
                                             left join profile_capacity pc on pc.profile_id = ap.profile_id
                                                                          and pc.channel = cs.channel
                                            where ap.agent_id = a.id), 1)
                         limit :limit""")
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(row -> new AgentRef((UUID) row[0], (UUID) row[1])).toList();
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
