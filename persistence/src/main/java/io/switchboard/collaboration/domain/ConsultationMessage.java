package io.switchboard.collaboration.domain;

import io.switchboard.api.collaboration.ConsultationView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message of a consultation, made only by {@link Consultation#say}. */
@Entity
@Table(name = "consultation_message")
public class ConsultationMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "consultation_id", nullable = false, updatable = false)
    private UUID consultationId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "sent_at", nullable = false, updatable = false)
    private Instant sentAt;

    protected ConsultationMessage() {
    }

    ConsultationMessage(UUID consultationId, UUID authorId, String text, Instant sentAt) {
        this.consultationId = consultationId;
        this.authorId = authorId;
        this.text = text;
        this.sentAt = sentAt;
    }

    public ConsultationView.Line line() {
        return new ConsultationView.Line(authorId, text, sentAt);
    }

    public UUID authorId() {
        return authorId;
    }

    public String text() {
        return text;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
