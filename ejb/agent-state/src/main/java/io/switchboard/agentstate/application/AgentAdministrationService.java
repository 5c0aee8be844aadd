package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.Role;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.agentstate.signin.application.SignInRecord;
import io.switchboard.agentstate.signin.application.SignInService;
import io.switchboard.agentstate.signin.infrastructure.SignInAuditLog;
import io.switchboard.api.Channel;
import io.switchboard.api.Enums;
import io.switchboard.api.agentstate.AgentStateView;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.ConflictException;
import io.switchboard.persistence.Constraints;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Admins manage a tenant's users and their channel assignments (CH2). */
@Stateless
public class AgentAdministrationService {

    /** Fields of a user to create, as an admin entered them. */
    public record NewAgent(String login, String displayName, String extension, String password, String licenceTier,
                           Set<String> roles, Set<Channel> channels) {
    }

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Agents agents;

    @Inject
    PasswordHasher hasher;

    @Inject
    Clock clock;

    @Inject
    AgentCommands commands;

    @Inject
    Tenants tenants;

    @Inject
    SignInAuditLog audit;

    @Inject
    SignInService signIn;

    public AgentStateView create(UUID tenantId, NewAgent request) {
        SignInService.requireAcceptable(request.password() == null ? null : request.password().toCharArray());
        Agent agent = new Agent(tenantId, request.login(), request.displayName(), request.extension(),
                parse(LicenceTier.class, request.licenceTier(), "licence tier"), hasher.hash(request.password().toCharArray()),
                roles(request.roles()));
        agent.assignChannels(request.channels(), clock.instant());
        agents.add(agent);
        // The unique constraints decide, so two admins creating the same login at once cannot both succeed.
        Constraints.flush(em, Map.of(
                "agent_login_unique_per_tenant", () -> new ConflictException("agent-exists",
                        "A user with login '" + request.login() + "' already exists in this tenant."),
                "agent_extension_unique_per_tenant", () -> new ConflictException("agent-exists",
                        "A user with extension " + request.extension() + " already exists in this tenant.")));
        return AgentViews.of(agent);
    }

    /**
     * The user can no longer sign in and every token they hold stops working (within seconds, on every node). Their
     * channels are logged off first; work in progress refuses that, so it is finished or transferred before.
     */
    public AgentStateView disable(UUID tenantId, UUID adminId, UUID agentId) {
        if (adminId.equals(agentId)) {
            throw new ConflictException("cannot-disable-self", "An admin cannot disable their own user.");
        }
        Agent agent = commands.apply(tenantId, agentId, (a, now) -> a.disable(now));
        audit.record(tenantId, agent.login(), "admin", SignInRecord.Outcome.USER_DISABLED, clock.instant());
        return AgentViews.of(agent);
    }

    public AgentStateView enable(UUID tenantId, UUID agentId) {
        Agent agent = agents.lockForUpdate(tenantId, agentId);
        if (agent.disabled()) {
            agent.enable();
            audit.record(tenantId, agent.login(), "admin", SignInRecord.Outcome.USER_ENABLED, clock.instant());
        }
        return AgentViews.of(agent);
    }

    /** A new password set by an admin: the user's tokens stop working and any sign-in lockout is lifted. */
    public void resetPassword(UUID tenantId, UUID agentId, char[] password) {
        SignInService.requireAcceptable(password);
        // the sign-in record first, then the agent: the order sign-ins take them in, so the two never deadlock
        signIn.forgetFailures(tenants.byId(tenantId).code(), agents.loginOf(tenantId, agentId));
        Agent agent = agents.lockForUpdate(tenantId, agentId);
        agent.changePassword(hasher.hash(password));
        audit.record(tenantId, agent.login(), "admin", SignInRecord.Outcome.PASSWORD_RESET, clock.instant());
    }

    public AgentStateView assignChannels(UUID tenantId, UUID agentId, Set<Channel> channels) {
        Agent agent = agents.lockForUpdate(tenantId, agentId);
        agent.assignChannels(channels, clock.instant());
        return AgentViews.of(agent);
    }

    private static Set<Role> roles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(n -> roles.add(parse(Role.class, n, "role")));
        }
        return roles;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        return Enums.parse(type, name, "invalid-" + what.replace(' ', '-'), what);
    }
}
