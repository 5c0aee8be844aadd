package io.switchboard.collaboration.consultation.application;

import io.switchboard.api.collaboration.ConsultationEvent;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.collaboration.consultation.infrastructure.Consultations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * When an interaction is over (done, abandoned) its open consultations close with it, in the same transaction: there
 * is nothing left to consult about, and their parties' panels are told.
 */
@ApplicationScoped
public class ConsultationClosures {

    @Inject
    Consultations consultations;

    @Inject
    Event<ConsultationEvent> events;

    void interactionChanged(@Observes InteractionEvents fired) {
        for (InteractionEvent event : fired.events()) {
            if (event.from() != event.to()
                    && (event.to() == InteractionState.DONE || event.to() == InteractionState.ABANDONED)) {
                consultations.openAbout(event.tenantId(), event.interactionId()).forEach(consultation -> {
                    consultation.closeWithInteraction(event.occurredAt());
                    events.fire(ConsultationEvent.of(event.tenantId(), consultation.id(), event.interactionId(),
                            "CLOSED", null, null, event.occurredAt(), consultation.parties()));
                });
            }
        }
    }
}
