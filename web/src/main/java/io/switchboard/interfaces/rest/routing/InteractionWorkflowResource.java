package io.switchboard.interfaces.rest.routing;

import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.workflow.application.WorkflowService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** OB11: an agent starts a named workflow on a conversation: a JMS command carrying its context (202). */
@Path("/interactions/{interactionId}/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.AGENT)
public class InteractionWorkflowResource {

    public record Start(@NotNull @Size(max = 200) String name) {
    }

    @EJB
    WorkflowService workflows;

    @Inject
    Caller caller;

    @POST
    public Response start(@PathParam("interactionId") UUID interactionId, @NotNull @Valid Start body) {
        return Response.accepted(workflows.start(caller.tenantId(), caller.agentId(), interactionId, body.name()))
                .build();
    }
}
