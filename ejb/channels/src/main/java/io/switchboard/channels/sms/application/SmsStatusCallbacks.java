package io.switchboard.channels.sms.application;

import io.switchboard.channels.reply.application.SendQueue;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/** The provider's delivery reports on our replies ({@code MessageStatus}, {@code ErrorCode}). */
@Stateless
public class SmsStatusCallbacks {

    @EJB
    SendQueue queue;

    @PersistenceContext
    EntityManager em;

    public void report(UUID replyId, String messageSid, String status, String errorCode) {
        List<?> tenant = em.createNativeQuery("select tenant_id from outbound_message where id = :id and channel = 'SMS'")
                .setParameter("id", replyId).getResultList();
        if (tenant.isEmpty()) {
            throw new io.switchboard.api.error.NotFoundException("reply-not-found", "No SMS reply " + replyId + ".");
        }
        queue.reported((UUID) tenant.get(0), replyId, messageSid, status, errorCode);
    }
}
