package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.Role;
import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.api.agentstate.AuthenticatedUser;
import io.switchboard.api.error.AuthenticationFailedException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Checks a tenant user's password; the web layer issues the token for the user it returns. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuthenticationService {

    @Inject
    Tenants tenants;

    @Inject
    Agents agents;

    @Inject
    PasswordHasher hasher;

    /** A hash of nothing, verified when the user is unknown so that both failures take the same time. */
    private volatile String decoy;

    public AuthenticatedUser authenticate(String tenantCode, String login, char[] password) {
        Optional<Tenant> tenant = tenants.byCode(tenantCode);
        Optional<Agent> agent = tenant.flatMap(t -> agents.byLogin(t.id(), login));
        if (agent.isEmpty()) {
            hasher.verify(password, decoyHash());
            throw new AuthenticationFailedException();
        }
        if (!hasher.verify(password, agent.get().passwordHash())) {
            throw new AuthenticationFailedException();
        }
        Agent a = agent.get();
        return new AuthenticatedUser(a.id(), a.tenantId(), tenant.get().code(), a.login(), a.displayName(),
                a.roles().stream().map(Role::groupName).collect(Collectors.toCollection(TreeSet::new)));
    }

    private String decoyHash() {
        if (decoy == null) {
            decoy = hasher.hash(new char[0]);
        }
        return decoy;
    }
}
