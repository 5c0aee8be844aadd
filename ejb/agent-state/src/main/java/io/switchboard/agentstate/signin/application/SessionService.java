package io.switchboard.agentstate.signin.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.agentstate.signin.application.SignInRecord.Outcome;
import io.switchboard.agentstate.signin.infrastructure.SessionSecrets;
import io.switchboard.agentstate.signin.infrastructure.SessionSecrets.RefreshRow;
import io.switchboard.agentstate.signin.infrastructure.SessionSecrets.TicketRow;
import io.switchboard.agentstate.signin.infrastructure.SignInAuditLog;
import io.switchboard.agentstate.signin.infrastructure.SignInThrottles;
import io.switchboard.api.agentstate.AuthenticatedUser;
import io.switchboard.api.error.AuthenticationFailedException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A signed-in user's session beyond the short-lived access token: refresh tokens that rotate at every use (a used
 * one presented again revokes the whole sign-in, since it must have been copied), signing out, and the one-time
 * tickets a WebSocket handshake presents instead of a token in its URL.
 */
@Stateless
public class SessionService {

    /** A refresh token to hand to the client once, and how long the session it belongs to has left. */
    public record Refresh(String secret, long expiresInSeconds) {
    }

    /**
     * A refreshed session (who, with the next refresh token), or why not. Returned, not thrown, so that revoking a
     * copied token's whole sign-in commits; {@link #orThrow()} once the transaction is over.
     */
    public record Refreshed(AuthenticatedUser user, Refresh refresh, boolean sessionEnded) {

        public Refreshed orThrow() {
            if (user != null) {
                return this;
            }
            throw sessionEnded ? AuthenticationFailedException.sessionEnded()
                    : new AuthenticationFailedException("invalid-refresh-token",
                    "This refresh token is not valid (unknown, expired, used already or signed out); sign in again.");
        }
    }

    /** Who a redeemed ticket was issued to, and until when the socket may stay open. */
    public record TicketHolder(UUID agentId, UUID tenantId, String login, Set<String> roles, int credentialVersion,
                               Instant issuedAt, Instant sessionExpiresAt) {
    }

    static final Duration TICKET_LIFE = Duration.ofSeconds(30);
    /** A used refresh token presented again this soon is a race of the user's own tabs, not a copy. */
    static final Duration REUSE_GRACE = Duration.ofSeconds(30);

    @Inject
    SessionSecrets secrets;

    @Inject
    SignInThrottles throttles;

    @Inject
    Agents agents;

    @Inject
    Tenants tenants;

    @Inject
    SignInAuditLog audit;

    @Inject
    Clock clock;

    /** How long a sign-in lasts at most, refreshes included (12 h). */
    @Inject
    @ConfigProperty(name = "switchboard.session.max-hours", defaultValue = "12")
    long maxHours;

    /** A new session's first refresh token, for a user who just proved their password. */
    public Refresh open(AuthenticatedUser user) {
        Instant now = clock.instant();
        Instant end = now.plus(Duration.ofHours(maxHours));
        String secret = secrets.newSecret();
        secrets.addRefresh(secret, UUID.randomUUID(), user.agentId(), user.tenantId(), user.credentialVersion(), now,
                end);
        return new Refresh(secret, Duration.between(now, end).toSeconds());
    }

    /**
     * Uses a refresh token up and hands out the next, with who the user is now (roles as they are today). Refused
     * (401) when unknown or expired, when the user's session has ended (password changed, disabled, suspended), and
     * when it was used before: then the whole sign-in is revoked.
     */
    public Refreshed refresh(String secret, String source) {
        Instant now = clock.instant();
        Optional<RefreshRow> found = secrets.lockRefresh(secret);
        if (found.isEmpty()) {
            return refused(false);
        }
        RefreshRow row = found.get();
        if (row.usedAt() != null && row.usedAt().plus(REUSE_GRACE).isAfter(now)) {
            // Two tabs sharing a session, or a reload during a refresh: the other caller has the next token. Refused
            // without ending the sign-in.
            return refused(false);
        }
        if (row.usedAt() != null) {
            secrets.revokeFamily(row.familyId());
            Agent agent = agents.byId(row.tenantId(), row.agentId());
            audit.record(row.tenantId(), agent.login(), source, Outcome.REFRESH_REUSED, now);
            return refused(false);
        }
        if (!row.expiresAt().isAfter(now)) {
            return refused(false);
        }
        Agent agent = agents.byId(row.tenantId(), row.agentId());
        Tenant tenant = tenants.byId(row.tenantId());
        if (agent.disabled() || tenant.suspended() || agent.credentialVersion() != row.credentialVersion()) {
            secrets.revokeFamily(row.familyId());
            return refused(true);
        }
        secrets.markUsed(secret, now);
        String next = secrets.newSecret();
        secrets.addRefresh(next, row.familyId(), agent.id(), tenant.id(), agent.credentialVersion(), now,
                row.expiresAt());
        return new Refreshed(SignInService.authenticated(agent, tenant), new Refresh(next, Duration.between(now, row.expiresAt()).toSeconds()), false);
    }

    private static Refreshed refused(boolean sessionEnded) {
        return new Refreshed(null, null, sessionEnded);
    }

    /** Signing out: the refresh token's whole sign-in ends (its access tokens run out within minutes). */
    public void close(String secret, String source) {
        secrets.lockRefresh(secret).ifPresent(row -> {
            secrets.revokeFamily(row.familyId());
            Agent agent = agents.byId(row.tenantId(), row.agentId());
            audit.record(row.tenantId(), agent.login(), source, Outcome.SIGNED_OUT, clock.instant());
        });
    }

    /** A ticket for one WebSocket handshake within 30 s, for the holder of a valid access token. */
    public String ticket(UUID agentId, UUID tenantId, String login, Set<String> roles, int credentialVersion,
                         Instant accessTokenExpiresAt) {
        Instant now = clock.instant();
        String secret = secrets.newSecret();
        secrets.addTicket(secret, new TicketRow(agentId, tenantId, login, String.join(",", new TreeSet<>(roles)),
                credentialVersion, now, accessTokenExpiresAt, now.plus(TICKET_LIFE)));
        return secret;
    }

    /** Redeems a ticket: good once, on any node. */
    public Optional<TicketHolder> redeem(String secret) {
        return secrets.redeemTicket(secret, clock.instant()).map(row -> new TicketHolder(row.agentId(),
                row.tenantId(), row.login(), Set.of(row.roles().split(",")), row.credentialVersion(),
                row.issuedAt(), row.sessionExpiresAt()));
    }

    /** Forgets expired refresh tokens and tickets, and sign-in failures past their window; how many rows went. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return secrets.purgeExpired(now) + throttles.purge(now.minus(Duration.ofMinutes(15)), now);
    }

}
