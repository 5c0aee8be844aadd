package io.switchboard.collaboration.conference.application;

import io.switchboard.api.routing.Handovers;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.util.UUID;

/**
 * Leaving a conference (CO2): a colleague just goes; the holder leaving hands the conversation to the colleague who
 * stays and wraps up. Joining is {@code ConsultationService.join}, from an invitation.
 */
@Stateless
public class ConferenceService {

    @EJB
    Handovers handovers;

    public void leave(UUID tenantId, UUID agent, UUID interactionId) {
        handovers.leave(tenantId, interactionId, agent);
    }
}
