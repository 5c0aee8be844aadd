package io.switchboard.agentstate.infrastructure.persistence;

import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.api.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class Tenants {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public Tenant byId(UUID tenantId) {
        Tenant tenant = em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new NotFoundException("tenant-not-found", "No tenant " + tenantId + ".");
        }
        return tenant;
    }

    public Optional<Tenant> byCode(String code) {
        return em.createQuery("select t from Tenant t where t.code = :code", Tenant.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public void add(Tenant tenant) {
        em.persist(tenant);
    }
}
