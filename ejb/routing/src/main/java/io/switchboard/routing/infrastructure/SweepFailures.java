package io.switchboard.routing.infrastructure;

import io.switchboard.api.routing.QuarantinedWork;
import io.switchboard.routing.infrastructure.RoutingCandidates.Due;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Deadline work that failed, per interaction, kind of work and deadline ({@code sweep_failure}). The sweeper takes rows that
 * failed before after the others; after {@link #QUARANTINE_AFTER} failures in a row it stops taking them at all
 * (quarantined), and supervisors see them with the last error until the cause is fixed and they are released.
 */
@ApplicationScoped
public class SweepFailures {

    /** Failures after which a row is quarantined: enough to ride out a lock timeout or a brief outage. */
    public static final int QUARANTINE_AFTER = 3;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** @return whether this failure quarantined the row */
    public boolean record(UUID interactionId, Due due, RuntimeException error, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        // (a text block drops the spaces at its line ends, so the column is placed with formatted())
        Object quarantined = em.createNativeQuery("""
                        insert into sweep_failure (interaction_id, work, deadline, tenant_id, failures, last_error,
                                                   last_failed_at, quarantined_at)
                        select id, :work, %1$s, tenant_id, 1, :error, :at,
                               case when 1 >= :limit then cast(:at as timestamptz) end
                          from interaction where id = :id and %1$s is not null
                        on conflict (interaction_id, work) do update
                           set failures = case when sweep_failure.deadline = excluded.deadline
                                               then sweep_failure.failures + 1 else 1 end,
                               deadline = excluded.deadline, last_error = excluded.last_error,
                               last_failed_at = excluded.last_failed_at,
                               quarantined_at = case when sweep_failure.deadline = excluded.deadline
                                                      and sweep_failure.failures + 1 >= :limit
                                                     then coalesce(sweep_failure.quarantined_at, excluded.last_failed_at)
                                                end
                        returning quarantined_at is not null""".formatted(due.deadlineColumn()))
                .setParameter("id", interactionId).setParameter("work", due.name())
                .setParameter("error", describe(error)).setParameter("at", at).setParameter("limit", QUARANTINE_AFTER)
                .getResultStream().findFirst().orElse(null);
        return Boolean.TRUE.equals(quarantined);
    }

    /** The work succeeded: forget earlier failures. */
    public void cleared(UUID interactionId, Due due) {
        em.createNativeQuery("delete from sweep_failure where interaction_id = :id and work = :work")
                .setParameter("id", interactionId).setParameter("work", due.name()).executeUpdate();
    }

    /** The tenant's quarantined work, oldest first. */
    @SuppressWarnings("unchecked")
    public List<QuarantinedWork> quarantined(UUID tenantId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select f.interaction_id, f.work, f.failures, f.last_error, f.quarantined_at
                          from sweep_failure f
                         where f.tenant_id = :tenant and f.quarantined_at is not null
                         order by f.quarantined_at""")
                .setParameter("tenant", tenantId).getResultList();
        return rows.stream().map(row -> new QuarantinedWork((UUID) row[0], (String) row[1],
                ((Number) row[2]).intValue(), (String) row[3], RoutingRepository.toInstant(row[4]))).toList();
    }

    /** Puts quarantined work back in the sweep (after the cause was fixed); false when there was none. */
    public boolean release(UUID tenantId, UUID interactionId) {
        return em.createNativeQuery("delete from sweep_failure where tenant_id = :tenant and interaction_id = :id "
                        + "and quarantined_at is not null")
                .setParameter("tenant", tenantId).setParameter("id", interactionId).executeUpdate() > 0;
    }

    private static String describe(RuntimeException error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
