package io.switchboard.agentstate.signin.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code refresh_token} and {@code socket_ticket} tables. Secrets are 256 random bits, base64url; only their
 * SHA-256 is stored, so a copy of the database signs nobody in.
 */
@ApplicationScoped
public class SessionSecrets {

    /** A refresh token's row, locked. */
    public record RefreshRow(UUID familyId, UUID agentId, UUID tenantId, int credentialVersion, Instant expiresAt,
                             Instant usedAt) {
    }

    /** A ticket's row. */
    public record TicketRow(UUID agentId, UUID tenantId, String login, String roles, int credentialVersion,
                            Instant issuedAt, Instant sessionExpiresAt, Instant expiresAt) {
    }

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    private final SecureRandom random = new SecureRandom();

    public String newSecret() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public void addRefresh(String secret, UUID familyId, UUID agentId, UUID tenantId, int credentialVersion,
                           Instant issuedAt, Instant expiresAt) {
        em.createNativeQuery("insert into refresh_token (token_hash, family_id, agent_id, tenant_id, "
                        + "credential_version, issued_at, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, hash(secret)).setParameter(2, familyId).setParameter(3, agentId)
                .setParameter(4, tenantId).setParameter(5, credentialVersion)
                .setParameter(6, Timestamp.from(issuedAt)).setParameter(7, Timestamp.from(expiresAt))
                .executeUpdate();
    }

    public Optional<RefreshRow> lockRefresh(String secret) {
        List<?> rows = em.createNativeQuery("select family_id, agent_id, tenant_id, credential_version, expires_at, "
                + "used_at from refresh_token where token_hash = ?1 for update").setParameter(1, hash(secret))
                .getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new RefreshRow((UUID) row[0],
                (UUID) row[1], (UUID) row[2], ((Number) row[3]).intValue(), SqlInstants.of(row[4]),
                SqlInstants.of(row[5])));
    }

    public void markUsed(String secret, Instant at) {
        em.createNativeQuery("update refresh_token set used_at = ?2 where token_hash = ?1")
                .setParameter(1, hash(secret)).setParameter(2, Timestamp.from(at)).executeUpdate();
    }

    public void revokeFamily(UUID familyId) {
        em.createNativeQuery("delete from refresh_token where family_id = ?1").setParameter(1, familyId)
                .executeUpdate();
    }

    public void addTicket(String secret, TicketRow ticket) {
        em.createNativeQuery("insert into socket_ticket (ticket_hash, agent_id, tenant_id, login, roles, "
                        + "credential_version, issued_at, session_expires_at, expires_at) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, hash(secret)).setParameter(2, ticket.agentId()).setParameter(3, ticket.tenantId())
                .setParameter(4, ticket.login()).setParameter(5, ticket.roles())
                .setParameter(6, ticket.credentialVersion()).setParameter(7, Timestamp.from(ticket.issuedAt()))
                .setParameter(8, Timestamp.from(ticket.sessionExpiresAt()))
                .setParameter(9, Timestamp.from(ticket.expiresAt())).executeUpdate();
    }

    /** Deletes the ticket and returns it, if it was there and not expired: a second redeemer gets nothing. */
    public Optional<TicketRow> redeemTicket(String secret, Instant now) {
        return tickets(em.createNativeQuery("delete from socket_ticket where ticket_hash = ?1 and expires_at > ?2 "
                + "returning agent_id, tenant_id, login, roles, credential_version, issued_at, session_expires_at, "
                + "expires_at").setParameter(1, hash(secret)).setParameter(2, Timestamp.from(now)).getResultList());
    }

    public int purgeExpired(Instant now) {
        Timestamp at = Timestamp.from(now);
        int tickets = em.createNativeQuery("delete from socket_ticket where expires_at <= ?1").setParameter(1, at)
                .executeUpdate();
        int refresh = em.createNativeQuery("delete from refresh_token where expires_at <= ?1").setParameter(1, at)
                .executeUpdate();
        return tickets + refresh;
    }

    private static Optional<TicketRow> tickets(List<?> rows) {
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new TicketRow((UUID) row[0],
                (UUID) row[1], (String) row[2], (String) row[3], ((Number) row[4]).intValue(), SqlInstants.of(row[5]),
                SqlInstants.of(row[6]), SqlInstants.of(row[7])));
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
