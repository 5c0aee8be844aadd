package io.switchboard.interfaces.rest.routing;

import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.workflow.application.WorkflowService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** OB11: the workflows an agent may start by hand on a conversation. */
@Path("/workflows")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.AGENT)
public class WorkflowResource {

    @EJB
    WorkflowService workflows;

    @Inject
    Caller caller;

    @GET
    public List<WorkflowService.Workflow> all() {
        return workflows.workflows(caller.tenantId());
    }
}
