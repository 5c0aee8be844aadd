package io.switchboard.collaboration.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.collaboration.ConsultationView;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * CO1: the agent handling an interaction talks privately with a colleague about it. OPEN until either closes it or
 * the interaction is done; only its two parties write, in plain text. Its messages live apart from the interaction,
 * so nothing said here can reach the customer's transcript, the interaction's history or back office.
 */
@Entity
@Table(name = "consultation")
public class Consultation {

    public static final int MAX_TEXT = 2_000;

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "interaction_id", nullable = false)
    private UUID interactionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "customer_address", nullable = false)
    private String customerAddress;

    @Column(name = "requester_id", nullable = false)
    private UUID requesterId;

    @Column(name = "consulted_id", nullable = false)
    private UUID consultedId;

    @Column(nullable = false)
    private String state;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private UUID closedBy;

    @Column(name = "invited_at")
    private Instant invitedAt;

    @Version
    private long version;

    protected Consultation() {
    }

    /** The holder of the interaction ({@code requester}; the caller checked they hold it) consults a colleague. */
    public Consultation(UUID tenantId, UUID interactionId, Channel channel, String customerAddress, UUID requester,
                        UUID consulted, Instant now) {
        if (requester.equals(consulted)) {
            throw new InvalidRequestException("consult-self", "An agent cannot consult themself.");
        }
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId);
        this.interactionId = Objects.requireNonNull(interactionId);
        this.channel = Objects.requireNonNull(channel);
        this.customerAddress = Objects.requireNonNull(customerAddress);
        this.requesterId = requester;
        this.consultedId = Objects.requireNonNull(consulted);
        this.state = "OPEN";
        this.openedAt = now;
    }

    /** One of the two parties writes; plain text of 1 to 2,000 characters. */
    public ConsultationMessage say(UUID author, String text, Instant now) {
        requireParty(author, "write in");
        requireOpen("take messages");
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new InvalidRequestException("invalid-message", "A consultation message is 1 to " + MAX_TEXT
                    + " characters.");
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidRequestException("invalid-message", "A consultation message is plain text, without "
                    + "control characters.");
        }
        return new ConsultationMessage(id, author, text, now);
    }

    /** CO2: the agent who asked invites the colleague to join the conversation with the customer. */
    public void invite(UUID agent, Instant now) {
        if (!agent.equals(requesterId)) {
            throw new AccessDeniedException("Only the agent handling the interaction invites a colleague to join it.");
        }
        requireOpen("invite");
        if (invitedAt == null) {
            this.invitedAt = now;
        }
    }

    /** The colleague accepts the invitation; joining the conversation itself is routing's. */
    public void requireInvitation(UUID agent) {
        if (!agent.equals(consultedId)) {
            throw new AccessDeniedException("Only the colleague consulted joins from consultation " + id + ".");
        }
        requireOpen("be joined from");
        if (invitedAt == null) {
            throw new IllegalTransitionException("not-invited", "You have not been invited to join this "
                    + "conversation.");
        }
    }

    /** Either party closes it. */
    public void close(UUID agent, Instant now) {
        requireParty(agent, "close");
        end(agent, now);
    }

    /** The interaction is over: nothing left to consult about. */
    public void closeWithInteraction(Instant now) {
        end(null, now);
    }

    private void end(UUID by, Instant now) {
        requireOpen("be closed");
        this.state = "CLOSED";
        this.closedAt = now;
        this.closedBy = by;
    }

    private void requireParty(UUID agent, String action) {
        if (!agent.equals(requesterId) && !agent.equals(consultedId)) {
            throw new AccessDeniedException("Only the two agents of consultation " + id + " can " + action + " it.");
        }
    }

    private void requireOpen(String action) {
        if (!"OPEN".equals(state)) {
            throw new IllegalTransitionException("consultation-closed", "Consultation " + id + " is closed; it cannot "
                    + action + ".");
        }
    }

    /** The agent who asked: the one whose invitation lets the colleague join. */
    public UUID requesterIdOf() {
        return requesterId;
    }

    public boolean isParty(UUID agent) {
        return agent.equals(requesterId) || agent.equals(consultedId);
    }

    public List<UUID> parties() {
        return List.of(requesterId, consultedId);
    }

    public ConsultationView view(List<ConsultationMessage> messages) {
        return new ConsultationView(id, interactionId, channel, customerAddress, requesterId, consultedId, state,
                openedAt, closedAt, closedBy, invitedAt, messages.stream().map(ConsultationMessage::line).toList());
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

    public String state() {
        return state;
    }
}
