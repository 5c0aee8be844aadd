package io.switchboard.interfaces.security;

import io.switchboard.api.error.AccessDeniedException;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, from a verified token, and the access rules of the agent-state API: agents act on themselves,
 * supervisors read everyone of their tenant, admins configure the tenant. {@code credentialVersion} and
 * {@code expiresAt} come from the token: {@link CallerStandings} ends it when the user's credentials changed.
 */
public record Caller(UUID agentId, UUID tenantId, String login, Set<String> roles, int credentialVersion,
                     Instant issuedAt, Instant expiresAt) {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";
    /** The platform operator: manages tenants, belongs to none, reads no tenant's work. */
    public static final String OPERATOR = "operator";

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isSelf(UUID otherAgentId) {
        return agentId.equals(otherAgentId);
    }

    /** Changes to an agent's own state: only the agent. */
    public void requireSelf(UUID targetAgentId) {
        if (!isSelf(targetAgentId)) {
            throw new AccessDeniedException("Only the agent can change their own state.");
        }
    }

    /** Reading an agent's state: the agent, a supervisor or an admin. */
    public void requireSelfOrObserver(UUID targetAgentId) {
        if (!isSelf(targetAgentId) && !is(SUPERVISOR) && !is(ADMIN)) {
            throw new AccessDeniedException("Only the agent, a supervisor or an admin can read this agent's state.");
        }
    }

    /** Logging an agent off: the agent or a supervisor. */
    public void requireSelfOrSupervisor(UUID targetAgentId) {
        if (!isSelf(targetAgentId) && !is(SUPERVISOR)) {
            throw new AccessDeniedException("Only the agent or a supervisor can log this agent off.");
        }
    }
}
