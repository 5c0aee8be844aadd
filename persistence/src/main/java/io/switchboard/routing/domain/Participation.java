package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.IllegalTransitionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent's part in an interaction they do not hold: a transfer ringing for them, or the wrap-up they owe after
 * handing it over. While open it counts against their capacity on the channel exactly as held work does, so a
 * transfer can never push the target (or keep the sender) over their profile; once ended it stays as the record.
 */
@Entity
@Table(name = "interaction_participation")
public class Participation {

    /** What the agent's part is. */
    public enum Kind {
        /** A transfer of the interaction rings for them. */
        TRANSFER_OFFER,
        /** They transferred it away and owe its wrap-up (IX7). */
        HANDED_OVER,
        /** They joined its chat or call next to its holder (CO2). */
        CONFERENCED
    }

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

    /** The queue whose wrap-up codes apply: the one the interaction was in when the agent handed it over. */
    @Column(name = "queue_id", nullable = false)
    private UUID queueId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private Instant since;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "wrap_up_code")
    private String wrapUpCode;

    @Version
    private long version;

    protected Participation() {
    }

    private Participation(Interaction interaction, UUID agentId, Kind kind, Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = interaction.tenantId();
        this.interactionId = interaction.id();
        this.agentId = Objects.requireNonNull(agentId);
        this.channel = interaction.channel();
        this.queueId = interaction.queueId();
        this.kind = kind;
        this.since = now;
    }

    /** The target's side of a transfer to an agent, while it rings. */
    public static Participation transferOffer(Interaction interaction, UUID target, Instant now) {
        return new Participation(interaction, target, Kind.TRANSFER_OFFER, now);
    }

    /** The sender's wrap-up after handing the interaction over; the queue is the one they handled it in. */
    public static Participation handedOver(Interaction interaction, UUID sender, Instant now) {
        return new Participation(interaction, sender, Kind.HANDED_OVER, now);
    }

    /** A colleague joins the holder in the chat or call. */
    public static Participation conferenced(Interaction interaction, UUID agent, Instant now) {
        return new Participation(interaction, agent, Kind.CONFERENCED, now);
    }

    /** They leave the conference (or it ends with the interaction, or they became its holder). */
    public void leave(Instant now) {
        requireOpen(Kind.CONFERENCED, "leave");
        this.endedAt = now;
    }

    /** The transfer stopped ringing (answered, declined, timed out, called off). */
    public void endOffer(Instant now) {
        requireOpen(Kind.TRANSFER_OFFER, "stop ringing");
        this.endedAt = now;
    }

    /** The sender's Done: with a code from their queue's list, required codes enforced (IX7). */
    public void wrapUp(String code, RoutingQueue queue, Instant now) {
        requireOpen(Kind.HANDED_OVER, "be wrapped up");
        if (!queue.id().equals(queueId)) {
            throw new IllegalArgumentException("Wrap-up codes come from queue " + queueId + ", not " + queue.id());
        }
        this.wrapUpCode = queue.checkedWrapUpCode(code);
        this.endedAt = now;
    }

    private void requireOpen(Kind expected, String action) {
        if (kind != expected || endedAt != null) {
            throw new IllegalTransitionException("Participation " + id + " is " + kind + (endedAt == null ? ""
                    : ", ended") + "; cannot " + action + ".");
        }
    }

    public boolean isOpen() {
        return endedAt == null;
    }

    public UUID id() {
        return id;
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

    public UUID queueId() {
        return queueId;
    }

    public Kind kind() {
        return kind;
    }

    public Instant since() {
        return since;
    }

    public String wrapUpCode() {
        return wrapUpCode;
    }
}
