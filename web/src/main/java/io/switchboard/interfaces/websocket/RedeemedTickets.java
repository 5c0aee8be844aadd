package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tickets this node redeemed during a handshake, until the endpoint opens the socket they were for. The ticket is
 * redeemed (a database delete) before the upgrade, so the socket opens with nothing slow left to do and is
 * registered at once: a change made right after the client sees the socket open reaches it. A handshake that never
 * reaches the endpoint leaves its entry, forgotten after 30 s.
 */
@ApplicationScoped
public class RedeemedTickets {

    private static final long KEEP_NANOS = 30_000_000_000L;

    private record Held(Caller caller, long at) {
    }

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    void hold(String ticket, Caller caller) {
        long now = System.nanoTime();
        held.values().removeIf(entry -> now - entry.at() > KEEP_NANOS);
        held.put(ticket, new Held(caller, now));
    }

    Optional<Caller> take(String ticket) {
        return Optional.ofNullable(held.remove(ticket)).map(Held::caller);
    }
}
