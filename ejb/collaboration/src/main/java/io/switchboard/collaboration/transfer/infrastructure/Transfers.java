package io.switchboard.collaboration.transfer.infrastructure;

import io.switchboard.api.error.ConflictException;
import io.switchboard.collaboration.domain.Transfer;
import io.switchboard.persistence.Constraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Transfers, always within the caller's tenant. */
@ApplicationScoped
public class Transfers {

    /** How many failed timeouts quarantine a transfer: the sweeper stops trying it (and says so in the log). */
    public static final int QUARANTINE_AFTER = 5;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** Stores a new transfer; the unique indexes are the last word on one pending transfer per interaction (CO5). */
    public void add(Transfer transfer) {
        em.persist(transfer);
        Constraints.flush(em, Map.of(
                "transfer_one_pending", () -> new ConflictException("transfer-pending",
                        "This interaction is already being transferred."),
                "transfer_one_outbound_per_sender", () -> new ConflictException("outbound-transfer-pending",
                        "Another of your outbound conversations is being transferred; one at a time.")));
    }

    /** The interaction's pending transfer, locked (the caller holds the agents' and the interaction's rows). */
    public Optional<Transfer> pendingOf(UUID tenantId, UUID interactionId) {
        return em.createQuery("select t from Transfer t where t.tenantId = :tenant and t.interactionId = :interaction "
                        + "and t.state = io.switchboard.api.collaboration.TransferState.PENDING", Transfer.class)
                .setParameter("tenant", tenantId).setParameter("interaction", interactionId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    /** Every transfer of the interaction, oldest first. */
    public List<Transfer> of(UUID tenantId, UUID interactionId) {
        return em.createQuery("select t from Transfer t where t.tenantId = :tenant and t.interactionId = :interaction "
                        + "order by t.requestedAt, t.id", Transfer.class)
                .setParameter("tenant", tenantId).setParameter("interaction", interactionId).getResultList();
    }

    /** A pending transfer past its deadline: who to ask to time it out. */
    public record Due(UUID transferId, UUID tenantId, UUID interactionId) {
    }

    /** Pending transfers past their deadline, those that failed before last, quarantined ones not at all. */
    @SuppressWarnings("unchecked")
    public List<Due> due(Instant now, int limit) {
        List<Object[]> rows = em.createNativeQuery("select id, tenant_id, interaction_id from transfer "
                        + "where state = 'PENDING' and deadline <= :now and timeout_failures < :quarantine "
                        + "order by timeout_failures, deadline limit :limit")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("quarantine", QUARANTINE_AFTER)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (UUID) r[1], (UUID) r[2])).toList();
    }

    /** Counts a failed timeout; true when that quarantines the transfer. */
    public boolean recordFailure(UUID transferId) {
        Number failures = (Number) em.createNativeQuery("update transfer set timeout_failures = timeout_failures + 1 "
                        + "where id = :id returning timeout_failures").setParameter("id", transferId)
                .getSingleResult();
        return failures.intValue() >= QUARANTINE_AFTER;
    }
}
