package io.switchboard.agentstate.tenancy.application;

import io.switchboard.agentstate.application.AgentAdministrationService;
import io.switchboard.agentstate.application.AgentCommands;
import io.switchboard.agentstate.domain.Role;
import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.persistence.Constraints;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The platform operator's use cases (PL4): create a tenant with its first admin, list, suspend and resume tenants.
 * Nothing here reads a tenant's work: the operator sees tenants, not their agents, customers or conversations.
 */
@Stateless
public class TenantService {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    /** A tenant as the operator sees it. */
    public record TenantView(UUID id, String code, String name, boolean suspended, Instant suspendedAt, long users) {
    }

    /** The new tenant's first admin, who then creates everyone else. */
    public record FirstAdmin(String login, String displayName, String extension, char[] password) {
    }

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Agents agents;

    @Inject
    Clock clock;

    @Inject
    AgentCommands commands;

    @Inject
    AgentAdministrationService administration;

    public TenantView create(String code, String name, FirstAdmin admin) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidRequestException("invalid-tenant-code", "A tenant code is 2 to 40 lower-case letters, "
                    + "digits or '-', starting with a letter or digit; got '" + code + "'.");
        }
        if (name == null || name.isBlank() || name.length() > 120 || !name.strip().equals(name)) {
            throw new InvalidRequestException("invalid-tenant-name",
                    "A tenant name is 1 to 120 characters, without leading or trailing spaces.");
        }
        Tenant tenant = new Tenant(code, name);
        tenants.add(tenant);
        Constraints.flush(em, Map.of("tenant_code_key", () -> new ConflictException("tenant-exists",
                "A tenant with code '" + code + "' already exists.")));
        // made as an admin makes any user (its checks refuse a weak password, and the tenant goes with it)
        administration.create(tenant.id(), new AgentAdministrationService.NewAgent(admin.login(),
                admin.displayName(), admin.extension() == null ? "1000" : admin.extension(),
                admin.password() == null ? null : new String(admin.password()), LicenceTier.STANDARD.name(),
                Set.of(Role.ADMIN.groupName()), Set.of()));
        return view(tenant);
    }

    public List<TenantView> list() {
        return em.createQuery("select t from Tenant t order by t.code", Tenant.class).getResultList().stream()
                .map(this::view).toList();
    }

    /**
     * Its users can no longer sign in; their tokens and sockets stop working within seconds. Every channel without
     * work in progress is logged off, so routing offers nothing to people who cannot answer (work in progress stays
     * with its agent). Its data stays.
     */
    public TenantView suspend(UUID tenantId) {
        Tenant tenant = locked(tenantId);
        tenant.suspend(clock.instant());
        for (UUID agentId : agents.idsOf(tenantId)) {
            commands.apply(tenantId, agentId, (agent, now) -> agent.logOffIdleChannels(now));
        }
        return view(tenant);
    }

    public TenantView resume(UUID tenantId) {
        Tenant tenant = locked(tenantId);
        tenant.resume();
        return view(tenant);
    }

    private Tenant locked(UUID tenantId) {
        Tenant tenant = tenants.byId(tenantId);
        em.lock(tenant, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return tenant;
    }

    private TenantView view(Tenant tenant) {
        long users = em.createQuery("select count(a) from Agent a where a.tenantId = :tenant", Long.class)
                .setParameter("tenant", tenant.id()).getSingleResult();
        return new TenantView(tenant.id(), tenant.code(), tenant.name(), tenant.suspended(), tenant.suspendedAt(),
                users);
    }
}
