package io.switchboard.outbound.domain;

import io.switchboard.api.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Objects;
import java.util.UUID;

/**
 * A tenant's message template for one channel (OB7): a name agents pick it by, an email's subject, and the body.
 * Whether its placeholders are known is the outbound context's template language's to decide before it is written;
 * here it holds what may be stored: SMS templates have no subject, names are unique per channel (the database).
 */
@Entity
@Table(name = "message_template")
public class MessageTemplate {

    public static final int MAX_NAME = 80;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_SUBJECT = 998;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String name;

    @Column
    private String subject;

    @Column(nullable = false)
    private String body;

    @Version
    private long version;

    protected MessageTemplate() {
    }

    public MessageTemplate(UUID tenantId, Channel channel, String name, String subject, String body) {
        if (channel != Channel.SMS && channel != Channel.EMAIL) {
            throw new IllegalArgumentException("templates are for SMS and email, not " + channel);
        }
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.channel = channel;
        rewrite(name, subject, body);
    }

    /** New wording under a new or the same name. */
    public void rewrite(String name, String subject, String body) {
        if (channel == Channel.SMS && subject != null) {
            throw new IllegalArgumentException("an SMS has no subject");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.subject = subject;
        this.body = Objects.requireNonNull(body, "body");
    }

    public UUID id() {
        return id;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public Channel channel() {
        return channel;
    }

    public String name() {
        return name;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }
}
