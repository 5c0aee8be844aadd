package io.switchboard.interfaces.security;

import io.switchboard.agentstate.signin.application.SignInService;
import io.switchboard.agentstate.signin.application.SignInService.Standing;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Whether a verified token still speaks for its user: not expired, the user not disabled, their tenant not
 * suspended, and no password change since it was issued (its credential version is the stored one). The stored
 * facts are read at most every {@code switchboard.security.standing-check-ms} (2 s) per user and node, so a change
 * reaches every node within that time without a database read on every request.
 */
@ApplicationScoped
public class CallerStandings {

    /** Past this many users the cache starts again empty rather than grow without bound. */
    private static final int MAX_CACHED = 50_000;

    private record Read(Optional<Standing> standing, long atMillis) {
    }

    @EJB
    SignInService signIn;

    @Inject
    @ConfigProperty(name = "switchboard.security.standing-check-ms", defaultValue = "2000")
    long maxAgeMillis;

    Clock clock = Clock.systemUTC();

    private final ConcurrentMap<UUID, Read> reads = new ConcurrentHashMap<>();

    /**
     * Reads at once, 500 at a time, the standing of each of these users whose last read is stale: the sockets' check
     * costs a query per 500 users every two seconds, not one per user.
     */
    public void readAhead(java.util.Collection<UUID> agentIds) {
        long now = clock.millis();
        List<UUID> stale = agentIds.stream().distinct().filter(id -> {
            Read read = reads.get(id);
            return read == null || now - read.atMillis() >= maxAgeMillis;
        }).toList();
        for (int from = 0; from < stale.size(); from += 500) {
            List<UUID> chunk = stale.subList(from, Math.min(stale.size(), from + 500));
            java.util.Map<UUID, Standing> found = signIn.standings(chunk);
            if (reads.size() + chunk.size() >= MAX_CACHED) {
                reads.clear();
            }
            chunk.forEach(id -> reads.put(id, new Read(Optional.ofNullable(found.get(id)), now)));
        }
    }

    /** Whether the caller's access token has run out (not a session end: a refresh gets the next). */
    public boolean expired(Caller caller) {
        return !caller.expiresAt().isAfter(clock.instant());
    }

    public boolean admits(Caller caller) {
        long now = clock.millis();
        if (expired(caller)) {
            return false;
        }
        Read read = reads.get(caller.agentId());
        if (read == null || now - read.atMillis() >= maxAgeMillis || newerThan(caller, read)
                || knowsLess(caller, read)) {
            if (reads.size() >= MAX_CACHED) {
                reads.clear();
            }
            read = new Read(Optional.ofNullable(signIn.standings(List.of(caller.agentId())).get(caller.agentId())),
                    now);
            reads.put(caller.agentId(), read);
        }
        return read.standing().map(standing -> standing.admits(caller.credentialVersion())).orElse(false);
    }

    /** A token of a later credential version than the one read: what was read is older than the token. */
    private static boolean knowsLess(Caller caller, Read read) {
        return read.standing().map(s -> caller.credentialVersion() > s.credentialVersion()).orElse(false);
    }

    /**
     * Whether the token may have been issued after the facts were read (its issue time has whole seconds): a token
     * handed out just after a password change, an enabling or a resumption must not be judged by what was true
     * before it. Only for a second after issue, so it costs at most one more read per new token.
     */
    private static boolean newerThan(Caller caller, Read read) {
        return caller.issuedAt().toEpochMilli() + 1000 > read.atMillis();
    }
}
