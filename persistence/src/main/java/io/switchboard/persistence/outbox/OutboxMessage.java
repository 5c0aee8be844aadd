package io.switchboard.persistence.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event waiting to be published on JMS. Written in the transaction that made the change, so it exists if and only
 * if the change committed; deleted in the transaction that sends it.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    /** From a sequence fetched 50 at a time, so inserts are batched at flush instead of one round trip each. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    private Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    private UUID eventId;

    /** JNDI name of the JMS destination. */
    @Column(nullable = false)
    private String destination;

    @Column(nullable = false)
    private String payload;

    /** JMS message properties as a JSON object of strings and numbers. */
    @Column(nullable = false)
    private String properties;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OutboxMessage() {
    }

    public OutboxMessage(UUID eventId, String destination, String payload, String properties, Instant createdAt) {
        this.eventId = Objects.requireNonNull(eventId);
        this.destination = Objects.requireNonNull(destination);
        this.payload = Objects.requireNonNull(payload);
        this.properties = Objects.requireNonNull(properties);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public Long id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String destination() {
        return destination;
    }

    public String payload() {
        return payload;
    }

    public String properties() {
        return properties;
    }
}
