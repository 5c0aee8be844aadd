package io.switchboard.agentstate.application;

import io.switchboard.api.agentstate.ReasonCodeCatalogue;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * Answers other contexts that refer to a reason code in their configuration. The share lock on the reason's row
 * pairs with the update lock {@link TenantConfigurationService} takes to retire one: a queue that names the code and
 * the retirement of that code run one after the other, so neither sees a stale answer.
 */
@Stateless
@Local(ReasonCodeCatalogue.class)
public class ReasonCodeReferences implements ReasonCodeCatalogue {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Override
    public boolean isActiveAndHeld(UUID tenantId, String code) {
        return em.createNativeQuery("select active from reason_code where tenant_id = :tenant and code = :code "
                        + "for share", Boolean.class)
                .setParameter("tenant", tenantId).setParameter("code", code)
                .getResultStream().anyMatch(Boolean.TRUE::equals);
    }
}
