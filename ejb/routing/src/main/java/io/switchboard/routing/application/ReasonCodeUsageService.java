package io.switchboard.routing.application;

import io.switchboard.api.routing.ReasonCodeUsage;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/** Tells agent state which queues name a reason code, so a code in use is never retired under them. */
@Stateless
@Local(ReasonCodeUsage.class)
public class ReasonCodeUsageService implements ReasonCodeUsage {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<String> queuesUsing(UUID tenantId, String code) {
        return em.createNativeQuery("select name from routing_queue where tenant_id = :tenant "
                        + "and acw_next_state = 'NOT_READY' and acw_next_reason = :code order by name", String.class)
                .setParameter("tenant", tenantId).setParameter("code", code).getResultList();
    }
}
