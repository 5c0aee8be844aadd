package io.switchboard.agentstate.signin.infrastructure;

import io.switchboard.agentstate.signin.application.SignInRecord;
import io.switchboard.agentstate.signin.application.SignInRecord.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The append-only {@code sign_in_audit} table: what happened at each sign-in and to each user's credentials. */
@ApplicationScoped
public class SignInAuditLog {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public void record(UUID tenantId, String login, String source, Outcome outcome, Instant at) {
        em.createNativeQuery("insert into sign_in_audit (tenant_id, login, source, outcome, at) "
                        + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, tenantId).setParameter(2, truncate(login, 64)).setParameter(3, truncate(source, 64))
                .setParameter(4, outcome.name()).setParameter(5, Timestamp.from(at)).executeUpdate();
    }

    /** The tenant's records, newest first, those older than {@code beforeId} when given. */
    public List<SignInRecord> of(UUID tenantId, Long beforeId, int limit) {
        List<?> rows = em.createNativeQuery("select id, at, login, source, outcome from sign_in_audit "
                        + "where tenant_id = ?1 and id < ?2 order by id desc limit ?3")
                .setParameter(1, tenantId).setParameter(2, beforeId == null ? Long.MAX_VALUE : beforeId)
                .setParameter(3, limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new SignInRecord(((Number) row[0]).longValue(),
                SqlInstants.of(row[1]), (String) row[2], (String) row[3], Outcome.valueOf((String) row[4]))).toList();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
