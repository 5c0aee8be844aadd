package io.switchboard.agentstate.signin.infrastructure;

import io.switchboard.agentstate.signin.application.SignInPolicy.Failures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The failure records of sign-in keys, in {@code sign_in_throttle}. {@link #lock} holds an account's row for the
 * whole attempt, so concurrent attempts on one account (on any node, by any sign-in path) are checked one after the
 * other and each sees the failures of the ones before it.
 */
@ApplicationScoped
public class SignInThrottles {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** The key's record, its row locked until the transaction ends (created empty when there is none). */
    public Failures lock(String key) {
        // The row may be purged between the insert and the lock (rows are reset, never deleted, by sign-ins; only
        // the purge deletes old ones): then it is made again.
        for (int attempt = 0; attempt < 3; attempt++) {
            em.createNativeQuery("insert into sign_in_throttle (key, failures, last_failure_at) "
                    + "values (?1, 0, now()) on conflict (key) do nothing").setParameter(1, key).executeUpdate();
            List<?> rows = em.createNativeQuery("select failures, last_failure_at, not_before, locked_until "
                    + "from sign_in_throttle where key = ?1 for update").setParameter(1, key).getResultList();
            if (!rows.isEmpty()) {
                return failures(key, (Object[]) rows.get(0));
            }
        }
        throw new IllegalStateException("The sign-in record " + key + " keeps disappearing");
    }

    private static Failures failures(String key, Object[] row) {
        int count = ((Number) row[0]).intValue();
        return new Failures(key, count, count == 0 ? null : SqlInstants.of(row[1]), SqlInstants.of(row[2]),
                SqlInstants.of(row[3]));
    }

    /** The key's record as last committed, without waiting for or taking its lock. */
    public Failures read(String key) {
        List<?> rows = em.createNativeQuery("select failures, last_failure_at, not_before, locked_until "
                + "from sign_in_throttle where key = ?1").setParameter(1, key).getResultList();
        return rows.isEmpty() ? Failures.none(key) : failures(key, (Object[]) rows.get(0));
    }

    public void store(Failures failures) {
        em.createNativeQuery("update sign_in_throttle set failures = ?2, last_failure_at = ?3, not_before = ?4, "
                        + "locked_until = ?5 where key = ?1")
                .setParameter(1, failures.key()).setParameter(2, failures.count())
                .setParameter(3, Timestamp.from(failures.lastFailureAt()))
                .setParameter(4, timestamp(failures.notBefore())).setParameter(5, timestamp(failures.lockedUntil()))
                .executeUpdate();
    }

    /**
     * A successful sign-in clears the account's failures. The row is reset, not deleted: an attempt waiting for its
     * lock must find it when this one commits.
     */
    public void clear(String key) {
        em.createNativeQuery("update sign_in_throttle set failures = 0, not_before = null, locked_until = null "
                + "where key = ?1").setParameter(1, key).executeUpdate();
    }

    /** Forgets records whose last failure is older than {@code before} and that lock nothing now. */
    public int purge(Instant before, Instant now) {
        return em.createNativeQuery("delete from sign_in_throttle where last_failure_at < ?1 "
                        + "and (locked_until is null or locked_until < ?2)")
                .setParameter(1, Timestamp.from(before)).setParameter(2, Timestamp.from(now)).executeUpdate();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
