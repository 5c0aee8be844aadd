package io.switchboard.interfaces.rest.collaboration;

import io.switchboard.collaboration.consultation.application.ConsultationService;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The agent handling an interaction opens a consultation about it with a colleague (CO1). */
@Path("/interactions/{interactionId}/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class ConsultationOpeningResource {

    /** The colleague to consult. */
    public record Opening(@NotNull UUID agentId) {
    }

    @EJB
    ConsultationService consultations;

    @Inject
    Caller caller;

    @POST
    public Response open(@PathParam("interactionId") UUID interactionId, @Valid @NotNull Opening opening) {
        return Response.status(Response.Status.CREATED).entity(consultations.open(caller.tenantId(),
                caller.agentId(), interactionId, opening.agentId())).build();
    }
}
