package io.switchboard.channels.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.channels.ReplyStatus;
import io.switchboard.api.channels.ReplyView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent's reply on its way to the customer (the send queue): QUEUED until a node claims it (SENDING, for a
 * while), then SENT once the mail server or the provider took it, and for SMS DELIVERED or UNDELIVERED as the
 * provider reports. A failed try puts it back in the queue later (1 s, 2 s, 4 s … at most 5 min apart) until
 * {@link #MAX_ATTEMPTS}, then FAILED; a refusal that no retry can mend (a bad address) fails it at once. A claim
 * that lapses (the node died mid-send) is taken again: an email keeps its Message-ID, so the customer's client shows
 * a repeat once.
 */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage {

    /** 1 s, 2 s … 256 s, then every 5 min: about 40 minutes of outage before a reply is given up. */
    public static final int MAX_ATTEMPTS = 15;
    /** Longer than any one try may take (SMTP: 5 s to connect, 30 s per read and write; the provider: 20 s). */
    public static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final int MAX_FAILURE = 500;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "interaction_id", nullable = false)
    private UUID interactionId;

    @Column(name = "agent_id", nullable = false)
    private UUID agentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "from_address", nullable = false)
    private String fromAddress;

    @Column(name = "to_address", nullable = false)
    private String toAddress;

    @Column
    private String subject;

    @Column(name = "body_text", nullable = false)
    private String text;

    @Column(name = "body_html")
    private String html;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "in_reply_to")
    private String inReplyTo;

    @Column(name = "reference_chain")
    private String references;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReplyStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column
    private String failure;

    @Column(name = "provider_id")
    private String providerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected OutboundMessage() {
    }

    private OutboundMessage(UUID id, UUID tenantId, UUID interactionId, UUID agentId, Channel channel, String from,
                            String to, String text, Instant now) {
        this.id = Objects.requireNonNull(id);
        this.tenantId = tenantId;
        this.interactionId = interactionId;
        this.agentId = agentId;
        this.channel = channel;
        this.fromAddress = Objects.requireNonNull(from);
        this.toAddress = Objects.requireNonNull(to);
        this.text = Objects.requireNonNull(text);
        this.status = ReplyStatus.QUEUED;
        this.nextAttemptAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An email reply with its threading headers; {@code messageId} is fixed now and kept through retries. */
    public static OutboundMessage email(UUID id, UUID tenantId, UUID interactionId, UUID agentId, String from,
                                        String to, String subject, String text, String html, String messageId,
                                        String inReplyTo, String references, Instant now) {
        OutboundMessage message = new OutboundMessage(id, tenantId, interactionId, agentId, Channel.EMAIL, from, to,
                text, now);
        message.subject = subject;
        message.html = html;
        message.messageId = Objects.requireNonNull(messageId);
        message.inReplyTo = inReplyTo;
        message.references = references;
        return message;
    }

    public static OutboundMessage sms(UUID id, UUID tenantId, UUID interactionId, UUID agentId, String from,
                                      String to, String text, Instant now) {
        return new OutboundMessage(id, tenantId, interactionId, agentId, Channel.SMS, from, to, text, now);
    }

    /** A node takes it to send: it is due (or an earlier claim lapsed). */
    public void claim(Instant now) {
        if (!isDue(now)) {
            throw new IllegalStateException("Reply " + id + " is " + status + " until " + nextAttemptAt);
        }
        this.status = ReplyStatus.SENDING;
        this.attempts++;
        this.nextAttemptAt = now.plus(CLAIM);
        this.updatedAt = now;
    }

    public boolean isDue(Instant now) {
        return (status == ReplyStatus.QUEUED || status == ReplyStatus.SENDING) && !nextAttemptAt.isAfter(now);
    }

    /** The mail server or the provider took it ({@code providerId}: the provider's id of it, if any). */
    public void sent(String providerId, Instant now) {
        if (status != ReplyStatus.SENDING) {
            // the provider's delivery report overtook this answer: keep its word, learn the provider's id
            if (this.providerId == null && providerId != null && status != ReplyStatus.QUEUED) {
                this.providerId = providerId;
            }
            return;
        }
        this.status = ReplyStatus.SENT;
        this.providerId = providerId;
        this.failure = null;
        this.updatedAt = now;
    }

    /** This try failed for a reason that may pass (server down, 5xx): again later, or given up after the last. */
    public void failedForNow(String reason, Instant now) {
        if (status != ReplyStatus.SENDING) {
            return;
        }
        this.failure = bounded(reason);
        this.updatedAt = now;
        if (attempts >= MAX_ATTEMPTS) {
            this.status = ReplyStatus.FAILED;
            return;
        }
        this.status = ReplyStatus.QUEUED;
        Duration backoff = Duration.ofSeconds(1L << Math.min(attempts - 1, 20));
        this.nextAttemptAt = now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    }

    /** Refused for good (an address the server or the provider will never take). */
    public void failed(String reason, Instant now) {
        if (status != ReplyStatus.SENDING) {
            return;
        }
        this.status = ReplyStatus.FAILED;
        this.failure = bounded(reason);
        this.updatedAt = now;
    }

    /**
     * The provider's later word on it (Twilio's {@code MessageStatus}): delivered or not. Reports can arrive out of
     * order, so only a later stage moves it; unknown words change nothing. Returns whether it changed.
     */
    public boolean reported(String providerStatus, String errorCode, Instant now) {
        ReplyStatus reported = switch (providerStatus == null ? "" : providerStatus) {
            case "sent" -> ReplyStatus.SENT;
            case "delivered" -> ReplyStatus.DELIVERED;
            case "undelivered" -> ReplyStatus.UNDELIVERED;
            case "failed" -> ReplyStatus.FAILED;
            default -> null;
        };
        if (reported == null || stage(reported) <= stage(status)) {
            return false;
        }
        this.status = reported;
        if (reported == ReplyStatus.UNDELIVERED || reported == ReplyStatus.FAILED) {
            this.failure = bounded("The provider reports " + providerStatus
                    + (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode + ")") + ".");
        }
        this.updatedAt = now;
        return true;
    }

    private static int stage(ReplyStatus status) {
        return switch (status) {
            case QUEUED, SENDING -> 0;
            case SENT -> 1;
            case DELIVERED, UNDELIVERED, FAILED -> 2;
        };
    }

    private static String bounded(String reason) {
        String text = reason == null || reason.isBlank() ? "unknown" : reason.strip();
        return text.length() <= MAX_FAILURE ? text : text.substring(0, MAX_FAILURE - 1) + "…";
    }

    public ReplyView view() {
        return new ReplyView(id, interactionId, channel, toAddress, text, status, failure, attempts, createdAt,
                updatedAt);
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public UUID interactionId() {
        return interactionId;
    }

    public UUID agentId() {
        return agentId;
    }

    public Channel channel() {
        return channel;
    }

    public ReplyStatus status() {
        return status;
    }

    public String fromAddress() {
        return fromAddress;
    }

    public String toAddress() {
        return toAddress;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String html() {
        return html;
    }

    public String messageId() {
        return messageId;
    }

    public String inReplyTo() {
        return inReplyTo;
    }

    public String references() {
        return references;
    }

    public String providerId() {
        return providerId;
    }
}
