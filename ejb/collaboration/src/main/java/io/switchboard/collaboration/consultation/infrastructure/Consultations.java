package io.switchboard.collaboration.consultation.infrastructure;

import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.collaboration.domain.Consultation;
import io.switchboard.collaboration.domain.ConsultationMessage;
import io.switchboard.persistence.Constraints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Consultations and their messages, always within the caller's tenant. */
@ApplicationScoped
public class Consultations {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public void add(Consultation consultation) {
        em.persist(consultation);
        Constraints.flush(em, Map.of("consultation_one_open", () -> new ConflictException("already-consulting",
                "You are already consulting that colleague about this interaction.")));
    }

    public void add(ConsultationMessage message) {
        em.persist(message);
    }

    /** The consultation, locked: messages and closing are taken one at a time. */
    public Consultation locked(UUID tenantId, UUID consultationId) {
        Consultation consultation = em.find(Consultation.class, consultationId, LockModeType.PESSIMISTIC_WRITE);
        if (consultation == null || !consultation.tenantId().equals(tenantId)) {
            throw new NotFoundException("consultation-not-found", "No consultation " + consultationId + ".");
        }
        return consultation;
    }

    /** The consultation as stored now, without a lock. */
    public Consultation unlocked(UUID tenantId, UUID consultationId) {
        Consultation consultation = em.find(Consultation.class, consultationId);
        if (consultation == null || !consultation.tenantId().equals(tenantId)) {
            throw new NotFoundException("consultation-not-found", "No consultation " + consultationId + ".");
        }
        return consultation;
    }

    /** Locks a consultation read earlier and reads it again as it is now. */
    public void relock(Consultation consultation) {
        em.refresh(consultation, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The open consultations the agent is a party to, oldest first. */
    public List<Consultation> openOf(UUID tenantId, UUID agentId) {
        return em.createQuery("select c from Consultation c where c.tenantId = :tenant and c.state = 'OPEN' "
                        + "and (c.requesterId = :agent or c.consultedId = :agent) order by c.openedAt",
                        Consultation.class)
                .setParameter("tenant", tenantId).setParameter("agent", agentId).getResultList();
    }

    /** The interaction's open consultations, locked. */
    public List<Consultation> openAbout(UUID tenantId, UUID interactionId) {
        return em.createQuery("select c from Consultation c where c.tenantId = :tenant "
                        + "and c.interactionId = :interaction and c.state = 'OPEN'", Consultation.class)
                .setParameter("tenant", tenantId).setParameter("interaction", interactionId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public List<ConsultationMessage> messagesOf(UUID consultationId) {
        return em.createQuery("select m from ConsultationMessage m where m.consultationId = :consultation "
                        + "order by m.id", ConsultationMessage.class)
                .setParameter("consultation", consultationId).getResultList();
    }
}
