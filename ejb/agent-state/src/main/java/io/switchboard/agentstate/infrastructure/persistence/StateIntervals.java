package io.switchboard.agentstate.infrastructure.persistence;

import io.switchboard.agentstate.domain.StateInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The recorded, finished state intervals (AS5). */
@ApplicationScoped
public class StateIntervals {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public List<StateInterval> overlapping(UUID agentId, Instant from, Instant to) {
        return em.createQuery("select i from StateInterval i where i.agentId = :agent "
                        + "and i.endedAt > :from and i.startedAt < :to order by i.startedAt", StateInterval.class)
                .setParameter("agent", agentId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }
}
