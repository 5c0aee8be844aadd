package io.switchboard.channels.reply.application;

import io.switchboard.api.channels.ReplyEvent;
import io.switchboard.api.channels.ReplyView;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.channels.domain.OutboundMessage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The send queue's transactions: a reply queued with the conversation it belongs to, claimed by one node at a time
 * (rows taken with SKIP LOCKED, so nodes share the queue and never wait for each other), and each try's outcome
 * recorded in a transaction of its own; every change is announced to the agent who wrote the reply.
 */
@Stateless
public class SendQueue {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ReplyEvent> events;

    /** In the caller's transaction: the reply goes out once that commits. */
    public ReplyView queue(OutboundMessage message) {
        em.persist(message);
        announce(message);
        return message.view();
    }

    /** Claims the next due reply for this node: SENDING until sent or its claim lapses. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<OutboundMessage> claimNext() {
        Instant now = now();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("select id from outbound_message where status in ('QUEUED', 'SENDING') "
                        + "and next_attempt_at <= :now order by next_attempt_at limit 1 for update skip locked",
                        UUID.class)
                .setParameter("now", now).getResultList();
        Optional<OutboundMessage> claimed = ids.stream().findFirst().map(id -> em.find(OutboundMessage.class, id));
        claimed.ifPresent(message -> {
            message.claim(now);
            announce(message);
        });
        return claimed;
    }

    /** What the try came to, recorded on its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(UUID messageId, Sender.Outcome outcome) {
        OutboundMessage message = em.find(OutboundMessage.class, messageId,
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            return;
        }
        Instant now = now();
        if (outcome instanceof Sender.Sent sent) {
            message.sent(sent.providerId(), now);
        } else if (outcome instanceof Sender.TryAgain again) {
            message.failedForNow(again.reason(), now);
        } else if (outcome instanceof Sender.Refused refused) {
            message.failed(refused.reason(), now);
        }
        announce(message);
    }

    /**
     * The provider's delivery report on an SMS reply of {@code tenantId}, naming the provider's id of it (once that
     * is known). Reports only move a reply forward, so a replayed one changes nothing.
     */
    public void reported(UUID tenantId, UUID messageId, String providerSid, String providerStatus, String errorCode) {
        OutboundMessage message = Optional.ofNullable(em.find(OutboundMessage.class, messageId,
                        jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .filter(m -> m.tenantId().equals(tenantId))
                .filter(m -> m.providerId() == null || m.providerId().equals(providerSid))
                .orElseThrow(() -> new NotFoundException("reply-not-found", "No reply " + messageId + " sent as "
                        + providerSid + "."));
        if (message.reported(providerStatus, errorCode, now())) {
            announce(message);
        }
    }

    /** The replies written in a conversation, oldest first. */
    public List<ReplyView> of(UUID tenantId, UUID interactionId) {
        return em.createQuery("select m from OutboundMessage m where m.tenantId = :tenant "
                        + "and m.interactionId = :interaction order by m.createdAt", OutboundMessage.class)
                .setParameter("tenant", tenantId).setParameter("interaction", interactionId).getResultList()
                .stream().map(OutboundMessage::view).toList();
    }

    private void announce(OutboundMessage message) {
        events.fire(ReplyEvent.of(message.tenantId(), message.agentId(), message.view()));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
