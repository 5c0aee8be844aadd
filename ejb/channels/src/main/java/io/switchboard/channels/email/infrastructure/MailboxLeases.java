package io.switchboard.channels.email.infrastructure;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Which node polls a mailbox: a lease row per mailbox, taken when free or expired and renewed by its holder at each
 * poll. One node polls a mailbox at a time; when it dies, the lease expires and another takes it over. Exactly-once
 * does not rest on the lease (two holders would still record each Message-ID once), it saves the work.
 */
@Stateless
public class MailboxLeases {

    public static final Duration LEASE = Duration.ofSeconds(60);

    @PersistenceContext
    EntityManager em;

    /** Takes or renews the lease; false when another node holds it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean take(UUID entryPointId, String holder) {
        Instant now = Instant.now();
        return em.createNativeQuery("insert into mailbox_lease (entry_point_id, holder, until) values (:e, :h, :u) "
                        + "on conflict (entry_point_id) do update set holder = excluded.holder, until = excluded.until "
                        + "where mailbox_lease.holder = excluded.holder or mailbox_lease.until < :now")
                .setParameter("e", entryPointId).setParameter("h", holder)
                .setParameter("u", Timestamp.from(now.plus(LEASE))).setParameter("now", Timestamp.from(now))
                .executeUpdate() == 1;
    }
}
