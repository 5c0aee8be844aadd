package io.switchboard.collaboration.consultation.application;

import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.Presence;
import io.switchboard.api.collaboration.ConsultationEvent;
import io.switchboard.api.collaboration.ConsultationView;
import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.Handovers;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.collaboration.consultation.infrastructure.Consultations;
import io.switchboard.collaboration.domain.Consultation;
import io.switchboard.collaboration.domain.ConsultationMessage;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Consultations (CO1), one call one transaction. Opening one locks the interaction (through routing's
 * {@link Handovers#lock}) so it is opened only on work its requester holds at that moment; each change is pushed after
 * commit to the two parties alone.
 */
@Stateless
public class ConsultationService {

    @EJB
    Handovers handovers;

    @EJB
    AgentDirectory directory;

    @Inject
    Consultations consultations;

    @Inject
    Event<ConsultationEvent> events;

    /** The agent holding the interaction (active) consults a colleague of the tenant who is signed in. */
    public ConsultationView open(UUID tenantId, UUID requester, UUID interactionId, UUID consulted) {
        // Colleagues are the tenant's agents and supervisors (the directory's list), not admins or integrations.
        var colleague = directory.colleagues(tenantId).stream()
                .filter(c -> c.agentId().equals(Objects.requireNonNull(consulted))).findFirst().orElseThrow(() ->
                        new InvalidRequestException("unknown-colleague", "No agent " + consulted + " in this tenant."));
        Handovers.Parties parties = handovers.lock(tenantId, interactionId);
        if (!requester.equals(parties.holderId())) {
            throw new AccessDeniedException("Only the agent handling interaction " + interactionId
                    + " can open a consultation about it.");
        }
        if (parties.state() != InteractionState.ACTIVE) {
            throw new IllegalTransitionException("not-in-progress", "Interaction " + interactionId + " is "
                    + parties.state() + "; consultations are about work in progress.");
        }
        if (colleague.presence() == Presence.OFFLINE) {
            throw new ConflictException("colleague-offline", colleague.displayName() + " is offline.");
        }
        Instant now = now();
        Consultation consultation = new Consultation(tenantId, interactionId, parties.channel(),
                parties.customerAddress(), requester, consulted, now);
        consultations.add(consultation);
        events.fire(ConsultationEvent.of(tenantId, consultation.id(), interactionId, "OPENED", requester, null, now,
                consultation.parties()));
        return consultation.view(List.of());
    }

    /** A party writes; the message goes to the two of them, never to the customer. */
    public ConsultationView say(UUID tenantId, UUID author, UUID consultationId, String text) {
        Consultation consultation = consultations.locked(tenantId, consultationId);
        Instant now = now();
        ConsultationMessage message = consultation.say(author, text, now);
        consultations.add(message);
        events.fire(ConsultationEvent.of(tenantId, consultationId, consultation.interactionId(), "MESSAGE", author,
                text, now, consultation.parties()));
        return consultation.view(consultations.messagesOf(consultationId));
    }

    /** CO2: the requester invites the colleague to join the conversation with the customer. */
    public ConsultationView invite(UUID tenantId, UUID agent, UUID consultationId) {
        // The holder invites to what they hold now: agents and the interaction locked first (the lock order).
        Consultation consultation = consultations.unlocked(tenantId, consultationId);
        Handovers.Parties parties = handovers.lock(tenantId, consultation.interactionId());
        consultations.relock(consultation);
        if (!agent.equals(parties.holderId()) && agent.equals(consultation.requesterIdOf())) {
            throw new ConflictException("invitation-outdated", "You no longer handle this conversation; only its "
                    + "holder invites colleagues into it.");
        }
        Instant now = now();
        consultation.invite(agent, now);
        events.fire(ConsultationEvent.of(tenantId, consultationId, consultation.interactionId(), "INVITED", agent,
                null, now, consultation.parties()));
        return consultation.view(consultations.messagesOf(consultationId));
    }

    /**
     * The invited colleague joins the conversation: a conference (routing checks the conversation is live, held by
     * the requester, and that the colleague has room for it). The consultation stays open beside it.
     */
    public ConsultationView join(UUID tenantId, UUID agent, UUID consultationId) {
        // Agents and the interaction are locked before the consultation (the lock order; closing it when the
        // interaction is done takes them in that order too), so the invitation is read first, then checked again.
        Consultation consultation = consultations.unlocked(tenantId, consultationId);
        consultation.requireInvitation(agent);
        handovers.join(tenantId, consultation.interactionId(), agent, consultation.requesterIdOf());
        consultations.relock(consultation);
        consultation.requireInvitation(agent);
        events.fire(ConsultationEvent.of(tenantId, consultationId, consultation.interactionId(), "JOINED", agent,
                null, now(), consultation.parties()));
        return consultation.view(consultations.messagesOf(consultationId));
    }

    public ConsultationView close(UUID tenantId, UUID agent, UUID consultationId) {
        Consultation consultation = consultations.locked(tenantId, consultationId);
        Instant now = now();
        consultation.close(agent, now);
        events.fire(ConsultationEvent.of(tenantId, consultationId, consultation.interactionId(), "CLOSED", agent,
                null, now, consultation.parties()));
        return consultation.view(consultations.messagesOf(consultationId));
    }

    /** One consultation, to its parties only. */
    public ConsultationView get(UUID tenantId, UUID agent, UUID consultationId) {
        Consultation consultation = consultations.unlocked(tenantId, consultationId);
        if (!consultation.isParty(agent)) {
            // Not even its existence is told to others.
            throw new NotFoundException("consultation-not-found", "No consultation " + consultationId + ".");
        }
        return consultation.view(consultations.messagesOf(consultationId));
    }

    /** The agent's open consultations, as requester or consulted, with their messages. */
    public List<ConsultationView> mine(UUID tenantId, UUID agent) {
        return consultations.openOf(tenantId, agent).stream()
                .map(c -> c.view(consultations.messagesOf(c.id()))).toList();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
