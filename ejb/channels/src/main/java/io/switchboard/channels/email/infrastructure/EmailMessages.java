package io.switchboard.channels.email.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The threading records: every email of a conversation, in or out, by its Message-ID (unique per tenant), and the
 * files kept from inbound ones.
 */
@ApplicationScoped
public class EmailMessages {

    /** An email of a conversation: what a reply to it carries and where it belongs. */
    public record Threaded(UUID interactionId, UUID conversationId, String messageId, String subject,
                           String referenceChain) {
    }

    @PersistenceContext
    EntityManager em;

    /**
     * Serialises the handling of one Message-ID across nodes until the transaction ends, so two nodes that read the
     * same message (a lease that moved mid-poll) record it once.
     */
    public void lockMessageId(UUID tenantId, String messageId) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "email:" + tenantId + ":" + messageId).getSingleResult();
    }

    public boolean known(UUID tenantId, String messageId) {
        return !em.createNativeQuery("select 1 from email_message where tenant_id = :t and message_id = :m")
                .setParameter("t", tenantId).setParameter("m", messageId).getResultList().isEmpty();
    }

    /**
     * The conversation any of these ids belongs to, ours (what we sent) first, then the newest; the conversation's
     * newest interaction with it.
     */
    public Optional<Threaded> conversationOf(UUID tenantId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        List<?> conversation = em.createNativeQuery("select conversation_id from email_message "
                        + "where tenant_id = :t and message_id in (:ids) "
                        + "order by (direction = 'OUTBOUND') desc, at desc limit 1")
                .setParameter("t", tenantId).setParameter("ids", messageIds).getResultList();
        if (conversation.isEmpty()) {
            return Optional.empty();
        }
        return latestIn(tenantId, (UUID) conversation.get(0));
    }

    /** The conversation's newest email (its interaction is the conversation's newest). */
    public Optional<Threaded> latestIn(UUID tenantId, UUID conversationId) {
        return first(em.createNativeQuery("select interaction_id, conversation_id, message_id, subject, reference_chain "
                        + "from email_message where tenant_id = :t and conversation_id = :c order by at desc limit 1")
                .setParameter("t", tenantId).setParameter("c", conversationId).getResultList());
    }

    /** The newest email the customer sent in this interaction: what an agent's reply answers. */
    public Optional<Threaded> lastInbound(UUID tenantId, UUID interactionId) {
        return first(em.createNativeQuery("select interaction_id, conversation_id, message_id, subject, reference_chain "
                        + "from email_message where tenant_id = :t and interaction_id = :i and direction = 'INBOUND' "
                        + "order by at desc limit 1")
                .setParameter("t", tenantId).setParameter("i", interactionId).getResultList());
    }

    /** How many emails we sent in the interaction so far. */
    public long sentIn(UUID tenantId, UUID interactionId) {
        return ((Number) em.createNativeQuery("select count(*) from email_message where tenant_id = :t "
                        + "and interaction_id = :i and direction = 'OUTBOUND'")
                .setParameter("t", tenantId).setParameter("i", interactionId).getSingleResult()).longValue();
    }

    public UUID record(UUID tenantId, String messageId, UUID interactionId, UUID conversationId, String direction,
                       String mailbox, String subject, String referenceChain, Instant at) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into email_message (id, tenant_id, message_id, interaction_id, conversation_id, "
                        + "direction, mailbox, subject, reference_chain, at) "
                        + "values (:id, :t, :m, :i, :c, :d, :mb, :s, :r, :at)")
                .setParameter("id", id).setParameter("t", tenantId).setParameter("m", messageId)
                .setParameter("i", interactionId).setParameter("c", conversationId).setParameter("d", direction)
                .setParameter("mb", mailbox).setParameter("s", subject).setParameter("r", referenceChain)
                .setParameter("at", Timestamp.from(at)).executeUpdate();
        return id;
    }

    public void attach(UUID id, UUID tenantId, UUID interactionId, UUID emailMessageId, String name, String type,
                       byte[] data) {
        em.createNativeQuery("insert into email_attachment (id, tenant_id, interaction_id, email_message_id, name, "
                        + "media_type, size_bytes, data) values (:id, :t, :i, :e, :n, :ty, :s, :d)")
                .setParameter("id", id).setParameter("t", tenantId).setParameter("i", interactionId)
                .setParameter("e", emailMessageId).setParameter("n", name).setParameter("ty", type)
                .setParameter("s", (long) data.length).setParameter("d", data).executeUpdate();
    }

    /** A kept file of the interaction: name, type and bytes. */
    public record StoredFile(String name, String type, byte[] data) {
    }

    public Optional<StoredFile> file(UUID tenantId, UUID interactionId, UUID attachmentId) {
        List<?> rows = em.createNativeQuery("select name, media_type, data from email_attachment "
                        + "where id = :id and tenant_id = :t and interaction_id = :i")
                .setParameter("id", attachmentId).setParameter("t", tenantId).setParameter("i", interactionId)
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] columns = (Object[]) row;
            return new StoredFile((String) columns[0], (String) columns[1], (byte[]) columns[2]);
        });
    }

    private static Optional<Threaded> first(List<?> rows) {
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new Threaded((UUID) c[0], (UUID) c[1], (String) c[2], (String) c[3], (String) c[4]);
        });
    }
}
