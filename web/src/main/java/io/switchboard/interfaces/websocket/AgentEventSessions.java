package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The open event sockets of this server node: each agent's own sessions (several tabs or devices) and each tenant's
 * supervisor sessions, which see every agent of the tenant.
 */
@ApplicationScoped
public class AgentEventSessions {

    private final ConcurrentMap<UUID, Set<Session>> byAgent = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, Set<Session>> supervisorsByTenant = new ConcurrentHashMap<>();

    void open(Caller caller, Session session) {
        byAgent.computeIfAbsent(caller.agentId(), id -> ConcurrentHashMap.newKeySet()).add(session);
        if (caller.is(Caller.SUPERVISOR)) {
            supervisorsByTenant.computeIfAbsent(caller.tenantId(), id -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    void close(Caller caller, Session session) {
        remove(byAgent, caller.agentId(), session);
        remove(supervisorsByTenant, caller.tenantId(), session);
    }

    /** Every session that must see an event about this agent, each once (a supervisor is also an agent). */
    Set<Session> recipientsOf(UUID tenantId, UUID agentId) {
        Set<Session> recipients = new LinkedHashSet<>(
                agentId == null ? Set.of() : byAgent.getOrDefault(agentId, Set.of()));
        recipients.addAll(supervisorsByTenant.getOrDefault(tenantId, Set.of()));
        return recipients;
    }

    private static void remove(ConcurrentMap<UUID, Set<Session>> index, UUID key, Session session) {
        index.computeIfPresent(key, (k, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
