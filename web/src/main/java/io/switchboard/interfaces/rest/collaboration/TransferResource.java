package io.switchboard.interfaces.rest.collaboration;

import io.switchboard.api.collaboration.TransferView;
import io.switchboard.api.routing.Handovers;
import io.switchboard.api.routing.Handovers.TransferTargets;
import io.switchboard.collaboration.transfer.application.TransferService;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * Transfers of one interaction (CO3, CO4): its holder transfers it to an agent or a queue; the target agent accepts
 * or rejects; the holder cancels while it rings. The transfer dialog lists targets with live availability.
 */
@Path("/interactions/{interactionId}/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class TransferResource {

    @EJB
    TransferService transfers;

    @Inject
    Caller caller;

    @PathParam("interactionId")
    UUID interactionId;

    /** The interaction's transfers, oldest first. */
    @GET
    public List<TransferView> history() {
        return transfers.of(caller.tenantId(), interactionId);
    }

    /** Agents (name or login containing {@code search}) with their availability on its channel, and queues. */
    @GET
    @Path("/targets")
    public TransferTargets targets(@QueryParam("search") @Size(max = 80) String search) {
        TransferTargets targets = transfers.targets(caller.tenantId(), interactionId, search);
        // Why a colleague is Not Ready is their supervisor's business, not their peers' (as in IM).
        return caller.is(Caller.SUPERVISOR) ? targets : new TransferTargets(targets.channel(), targets.agents()
                .stream().map(a -> new Handovers.AgentTarget(a.agentId(), a.login(), a.displayName(),
                        a.availability(), null)).toList(), targets.queues());
    }

    @POST
    public Response transfer(@Valid @NotNull TransferRequest request) {
        TransferView transfer = request.agentId() != null
                ? transfers.toAgent(caller.tenantId(), caller.agentId(), interactionId, request.agentId(), false)
                : transfers.toQueue(caller.tenantId(), caller.agentId(), interactionId, request.queueId(), false);
        return Response.status(Response.Status.CREATED).entity(transfer).build();
    }

    @POST
    @Path("/pending/accept")
    public TransferView accept() {
        return transfers.accept(caller.tenantId(), caller.agentId(), interactionId);
    }

    @POST
    @Path("/pending/reject")
    public TransferView reject() {
        return transfers.reject(caller.tenantId(), caller.agentId(), interactionId);
    }

    @POST
    @Path("/pending/cancel")
    public TransferView cancel() {
        return transfers.cancel(caller.tenantId(), caller.agentId(), interactionId, false);
    }
}
