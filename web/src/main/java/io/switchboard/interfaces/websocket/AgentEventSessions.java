package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.Caller;
import io.switchboard.interfaces.security.CallerStandings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open event sockets of this server node: each agent's own sockets (several tabs or devices) and each tenant's
 * observers (supervisors and admins), who see every agent of the tenant and no other tenant. Each key's set is
 * replaced whole inside {@code compute}, so a socket opened while the key's last other socket closes is never added
 * to a set that is then dropped. Every {@code switchboard.push.send-timeout-ms / 5} (between 0.1 and 1 s) the sockets
 * whose send has been in flight longer than the send timeout are given up (see {@link PushSocket}).
 */
@ApplicationScoped
public class AgentEventSessions {

    private static final Logger LOG = Logger.getLogger(AgentEventSessions.class.getName());

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "switchboard.push.session-queue-frames", defaultValue = "256")
    int queueFrames;

    @Inject
    @ConfigProperty(name = "switchboard.push.send-timeout-ms", defaultValue = "5000")
    long sendTimeoutMillis;

    private final ConcurrentMap<UUID, Set<PushSocket>> byAgent = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, Set<PushSocket>> observersByTenant = new ConcurrentHashMap<>();
    private ScheduledFuture<?> timeoutCheck;

    /** The access token the socket was opened with expired: refresh it and reconnect with a new ticket. */
    static final CloseReason.CloseCode TOKEN_EXPIRED = CloseReason.CloseCodes.getCloseCode(4401);

    @Inject
    CallerStandings standings;

    private ScheduledFuture<?> standingCheck;

    @PostConstruct
    void startTimeoutCheck() {
        long period = Math.max(100, Math.min(1000, sendTimeoutMillis / 5));
        timeoutCheck = executor.scheduleWithFixedDelay(this::giveUpTimedOutSends, period, period,
                TimeUnit.MILLISECONDS);
        standingCheck = executor.scheduleWithFixedDelay(this::closeEndedSessions, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stopTimeoutCheck() {
        timeoutCheck.cancel(false);
        standingCheck.cancel(false);
    }

    /**
     * Closes every socket whose token no longer speaks for its user: expired (4401: the client refreshes and comes
     * back), or password changed, user disabled, tenant suspended (1008: the session ended). Each node checks its own sockets, so the change reaches every node without a message
     * between them. The client signs in again (or, with a valid session, reconnects with a fresh token).
     */
    private void closeEndedSessions() {
        try {
            standings.readAhead(byAgent.keySet());
            byAgent.values().forEach(sockets -> sockets.forEach(socket -> {
                if (standings.expired(socket.caller())) {
                    giveUp(socket, new CloseReason(TOKEN_EXPIRED, "token expired"));
                } else if (!standings.admits(socket.caller())) {
                    giveUp(socket, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "session ended"));
                }
            }));
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again
            LOG.log(Level.WARNING, "Checking event sockets for ended sessions failed", e);
        }
    }

    PushSocket open(Caller caller, Session session) {
        PushSocket socket = new PushSocket(session, caller, queueFrames, sendTimeoutMillis, this::giveUp);
        add(byAgent, caller.agentId(), socket);
        if (observesTenant(caller)) {
            add(observersByTenant, caller.tenantId(), socket);
        }
        return socket;
    }

    void close(PushSocket socket) {
        socket.stop();
        remove(byAgent, socket.caller().agentId(), socket);
        remove(observersByTenant, socket.caller().tenantId(), socket);
    }

    /** These agents' own sockets, of this tenant only. */
    Set<PushSocket> socketsOf(UUID tenantId, Collection<UUID> agentIds) {
        Set<PushSocket> sockets = new LinkedHashSet<>();
        for (UUID agentId : agentIds) {
            byAgent.getOrDefault(agentId, Set.of()).stream()
                    .filter(socket -> socket.caller().tenantId().equals(tenantId)).forEach(sockets::add);
        }
        return sockets;
    }

    /** Every socket that must see an event about these agents, each once (a supervisor is also an agent). */
    Set<PushSocket> recipientsOf(UUID tenantId, Collection<UUID> agentIds) {
        Set<PushSocket> recipients = socketsOf(tenantId, agentIds);
        recipients.addAll(observersByTenant.getOrDefault(tenantId, Set.of()));
        return recipients;
    }

    private static boolean observesTenant(Caller caller) {
        return caller.is(Caller.SUPERVISOR) || caller.is(Caller.ADMIN);
    }

    /**
     * Unregisters a socket that fell behind and closes it; the client reconnects. Closing does not wait for the
     * client: Undertow queues the close frame and returns (and drops the connection when its own send timeout, set
     * on the session, expires).
     */
    private void giveUp(PushSocket socket, CloseReason reason) {
        close(socket);
        LOG.info(() -> "Closing the event socket " + socket.session().getId() + " of " + socket.caller().login()
                + ": " + reason.getReasonPhrase());
        closeQuietly(socket.session(), reason);
    }

    private static void closeQuietly(Session session, CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing event socket " + session.getId() + " failed; it is unregistered anyway", e);
        }
    }

    private void giveUpTimedOutSends() {
        long now = System.nanoTime();
        try {
            byAgent.values().forEach(sockets -> sockets.forEach(socket -> {
                socket.checkSendTimeout(now);
                socket.keepAlive(now);
            }));
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again
            LOG.log(Level.WARNING, "Checking event sockets for timed-out sends failed", e);
        }
    }

    private static void add(ConcurrentMap<UUID, Set<PushSocket>> index, UUID key, PushSocket socket) {
        index.compute(key, (k, sockets) -> {
            Set<PushSocket> next = new HashSet<>(sockets == null ? Set.of() : sockets);
            next.add(socket);
            return Set.copyOf(next);
        });
    }

    private static void remove(ConcurrentMap<UUID, Set<PushSocket>> index, UUID key, PushSocket socket) {
        index.computeIfPresent(key, (k, sockets) -> {
            Set<PushSocket> rest = new HashSet<>(sockets);
            rest.remove(socket);
            return rest.isEmpty() ? null : Set.copyOf(rest);
        });
    }
}
