package io.switchboard.interfaces.rest.collaboration;

import io.switchboard.api.collaboration.TransferView;
import io.switchboard.collaboration.transfer.application.TransferService;
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

/**
 * Stuck work rescued by a supervisor: they transfer an agent's interaction on the agent's behalf, or cancel a
 * transfer that rings nowhere useful; the history records the supervisor as the one who did it.
 */
@Path("/supervision/interactions/{interactionId}/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.SUPERVISOR)
public class SupervisorTransferResource {

    @EJB
    TransferService transfers;

    @Inject
    Caller caller;

    @PathParam("interactionId")
    UUID interactionId;

    @POST
    public Response transfer(@Valid @NotNull TransferRequest request) {
        TransferView transfer = request.agentId() != null
                ? transfers.toAgent(caller.tenantId(), caller.agentId(), interactionId, request.agentId(), true)
                : transfers.toQueue(caller.tenantId(), caller.agentId(), interactionId, request.queueId(), true);
        return Response.status(Response.Status.CREATED).entity(transfer).build();
    }

    @POST
    @Path("/pending/cancel")
    public TransferView cancel() {
        return transfers.cancel(caller.tenantId(), caller.agentId(), interactionId, true);
    }
}
