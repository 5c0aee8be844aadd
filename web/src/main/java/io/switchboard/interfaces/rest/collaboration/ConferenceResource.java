package io.switchboard.interfaces.rest.collaboration;

import io.switchboard.collaboration.conference.application.ConferenceService;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** Leaving a conference (CO2): a colleague goes, or the holder leaves the conversation to the colleague who stays. */
@Path("/interactions/{interactionId}/conference")
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class ConferenceResource {

    @EJB
    ConferenceService conferences;

    @Inject
    Caller caller;

    @POST
    @Path("/leave")
    public Response leave(@PathParam("interactionId") UUID interactionId) {
        conferences.leave(caller.tenantId(), caller.agentId(), interactionId);
        return Response.noContent().build();
    }
}
