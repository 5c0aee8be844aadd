package io.switchboard.agentstate.infrastructure.persistence;

import io.switchboard.agentstate.domain.ReasonCode;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's Not Ready reason codes. */
@ApplicationScoped
public class ReasonCodes {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public Optional<ReasonCode> byCode(UUID tenantId, String code) {
        return em.createQuery("select r from ReasonCode r where r.tenantId = :tenant and r.code = :code",
                        ReasonCode.class)
                .setParameter("tenant", tenantId).setParameter("code", code)
                .getResultStream().findFirst();
    }

    public ReasonCode existingOrFail(UUID tenantId, String code) {
        return byCode(tenantId, code).orElseThrow(() ->
                new NotFoundException("reason-code-not-found", "No reason code '" + code + "' in this tenant."));
    }

    /** The active reason the agent asked for; an unknown or retired code is bad input, not a missing resource. */
    public ReasonCode activeOrFail(UUID tenantId, String code) {
        return byCode(tenantId, code).filter(ReasonCode::active).orElseThrow(() ->
                new InvalidRequestException("unknown-reason-code",
                        "'" + code + "' is not an active Not Ready reason code of this tenant."));
    }

    public List<ReasonCode> allOf(UUID tenantId) {
        return em.createQuery("select r from ReasonCode r where r.tenantId = :tenant order by r.code",
                ReasonCode.class).setParameter("tenant", tenantId).getResultList();
    }

    public void add(ReasonCode reasonCode) {
        em.persist(reasonCode);
    }
}
