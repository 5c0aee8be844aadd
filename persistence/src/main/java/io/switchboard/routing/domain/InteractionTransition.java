package io.switchboard.routing.domain;

import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored step of an interaction's history. The sequence number is drawn inside the transaction that made the
 * step, so a step that depended on another (an offer that needed the capacity a Done freed) always comes after it.
 */
@Entity
@Table(name = "interaction_transition")
public class InteractionTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long seq;

    @Column(name = "event_id", nullable = false, updatable = false)
    private UUID eventId;

    @Column(name = "interaction_id", nullable = false, updatable = false)
    private UUID interactionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false)
    private InteractionState from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    private InteractionState to;

    @Column(name = "agent_id", updatable = false)
    private UUID agentId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    /** The interaction's own event sequence (1, 2, 3…). */
    @Column(name = "sequence", nullable = false, updatable = false)
    private long sequence;

    @Enumerated(EnumType.STRING)
    @Column(name = "cause", nullable = false, updatable = false)
    private InteractionCause cause;

    /** Who made the change when it was not the agent concerned (a supervisor forcing wrap-up). */
    @Column(name = "actor_id", updatable = false)
    private UUID actorId;

    /** The other agent of a transfer step (its target, or the sender who finished wrapping up). */
    @Column(name = "counterpart_id", updatable = false)
    private UUID counterpartId;

    protected InteractionTransition() {
    }

    public InteractionTransition(InteractionEvent event) {
        this.eventId = event.eventId();
        this.interactionId = event.interactionId();
        this.from = event.from();
        this.to = event.to();
        this.agentId = event.agentId();
        this.occurredAt = event.occurredAt();
        this.sequence = event.sequence();
        this.cause = event.cause();
        this.actorId = event.actorId();
        this.counterpartId = event.counterpartId();
    }
}
