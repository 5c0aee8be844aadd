package io.switchboard.routing.infrastructure;

import io.switchboard.api.routing.InteractionEvents;
import io.switchboard.routing.domain.InteractionTransition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Keeps every interaction transition ({@code interaction_transition}), written in the transaction that made it, so
 * replaying the history in sequence order shows who held what at every moment (audits, reports, the concurrency
 * tests).
 */
@ApplicationScoped
public class InteractionHistory {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    void record(@Observes InteractionEvents fired) {
        em.flush();
        fired.events().forEach(event -> em.persist(new InteractionTransition(event)));
    }
}
