package io.switchboard.routing.infrastructure;

import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.routing.application.QueuePerformance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads what the supervisors' KPIs are computed from: the queues, each interaction's milestones from its stored
 * transitions, and the queues' members' states from the agents' stored state intervals.
 */
@ApplicationScoped
public class QueueHistory {

    /** Most available first: a member counts once, in the best state they are in on any of the queue's channels. */
    private static final List<ChannelState> AVAILABILITY = List.of(ChannelState.READY, ChannelState.AFTER_CALL_WORK,
            ChannelState.PENDING_NOT_READY, ChannelState.RONA, ChannelState.NOT_READY, ChannelState.LOGGED_OUT);

    private static final String RANKING = String.join(", ",
            AVAILABILITY.stream().map(state -> "'" + state.name() + "'").toList());

    @PersistenceContext
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<QueuePerformance.Queue> queues(UUID tenantId) {
        List<Object[]> rows = em.createNativeQuery("select id, name, service_level_seconds from routing_queue "
                + "where tenant_id = :tenant order by priority desc, name").setParameter("tenant", tenantId)
                .getResultList();
        return rows.stream().map(row -> new QueuePerformance.Queue((UUID) row[0], (String) row[1],
                ((Number) row[2]).intValue())).toList();
    }

    /**
     * The tenant's interactions waiting now or with anything recorded since {@code from} (every event moves
     * {@code updated_at}), with their milestones read from their transitions in one pass each, and the time they
     * spent parked in a workbin.
     */
    @SuppressWarnings("unchecked")
    public List<QueuePerformance.Milestones> milestones(UUID tenantId, Instant from) {
        List<Object[]> rows = em.createNativeQuery("""
                        select i.queue_id, i.queued_since, h.accepted, h.abandoned, h.done,
                               i.state in ('QUEUED', 'OFFERED'), coalesce(h.parked_seconds, 0)
                          from interaction i
                          cross join lateral (
                              select min(t.occurred_at) filter (where t.cause = 'ACCEPTED') as accepted,
                                     min(t.occurred_at) filter (where t.to_state = 'ABANDONED') as abandoned,
                                     max(t.occurred_at) filter (where t.cause = 'DONE') as done,
                                     sum(extract(epoch from t.left_at - t.occurred_at))
                                         filter (where t.to_state = 'PARKED') as parked_seconds
                                from (select occurred_at, cause, to_state,
                                             lead(occurred_at) over (order by seq) as left_at
                                        from interaction_transition where interaction_id = i.id) t) h
                         where i.tenant_id = :tenant
                           and (i.updated_at >= :from or i.state in ('QUEUED', 'OFFERED'))""")
                .setParameter("tenant", tenantId).setParameter("from", from).getResultList();
        return rows.stream().map(row -> new QueuePerformance.Milestones((UUID) row[0], instant(row[1]),
                instant(row[2]), instant(row[3]), instant(row[4]), (Boolean) row[5],
                java.time.Duration.ofMillis(Math.round(((Number) row[6]).doubleValue() * 1000)))).toList();
    }

    /**
     * For each queue and each slice end: its members counted by their most available state on the queue's channels
     * (every channel when the queue has no entry point yet); the state at a past instant comes from the stored
     * intervals, the current one from the channel's session.
     */
    @SuppressWarnings("unchecked")
    public List<QueuePerformance.AgentCount> membersByState(UUID tenantId, QueuePerformance slices, int count) {
        StringBuilder points = new StringBuilder();
        for (int k = 1; k <= count; k++) {
            points.append(k == 1 ? "" : " union all ").append("select ").append(k)
                    .append(" as k, cast(:at").append(k).append(" as timestamptz) as at");
        }
        var query = em.createNativeQuery(("""
                with points as (%s),
                members as (
                    select m.queue_id, m.agent_id from queue_member m
                      join routing_queue q on q.id = m.queue_id where q.tenant_id = :tenant),
                sessions as (
                    select s.agent_id, s.channel, s.state, s.state_since from channel_session s
                     where s.agent_id in (select agent_id from members)),
                at_point as (
                    select s.agent_id, s.channel, p.k,
                           coalesce(case when s.state_since <= p.at then s.state end,
                                    (select i.state from (select i.state, i.ended_at from state_interval i
                                                           where i.agent_id = s.agent_id and i.channel = s.channel
                                                             and i.started_at <= p.at
                                                           order by i.started_at desc limit 1) i
                                      where i.ended_at > p.at),
                                    'LOGGED_OUT') as state
                      from sessions s cross join points p),
                best as (
                    select m.queue_id, m.agent_id, a.k, min(array_position(array[%s]::varchar[], a.state)) as rank
                      from members m join at_point a on a.agent_id = m.agent_id
                     where not exists (select 1 from entry_point e where e.queue_id = m.queue_id)
                        or exists (select 1 from entry_point e where e.queue_id = m.queue_id and e.channel = a.channel)
                     group by m.queue_id, m.agent_id, a.k)
                select queue_id, k, rank, count(*) from best group by queue_id, k, rank""").formatted(points, RANKING));
        query.setParameter("tenant", tenantId);
        for (int k = 1; k <= count; k++) {
            query.setParameter("at" + k, slices.sliceEnd(k));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new QueuePerformance.AgentCount((UUID) row[0], ((Number) row[1]).intValue(),
                AVAILABILITY.get(((Number) row[2]).intValue() - 1), ((Number) row[3]).longValue())).toList();
    }

    private static Instant instant(Object value) {
        return value == null ? null : RoutingRepository.toInstant(value);
    }
}
