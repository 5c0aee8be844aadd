package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.Enums;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.workflow.application.WorkflowService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** OB11: which task events of inbound work the tenant's workflows hear of, and the workflows agents may start. */
@Path("/admin/workflows")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class WorkflowAdminResource {

    /** The events that are on: TASK_CREATED, TASK_ROUTED, TASK_ENDED (an empty list turns them all off). */
    public record Triggers(@NotNull @Size(max = 3) List<@NotNull String> events) {
    }

    public record NewWorkflow(@NotNull @Size(max = 200) String name, @NotNull @Size(max = 400) String label) {
    }

    @EJB
    WorkflowService workflows;

    @Inject
    Caller caller;

    @GET
    @Path("/triggers")
    public Triggers triggers() {
        return new Triggers(workflows.triggers(caller.tenantId()).stream().map(Enum::name).toList());
    }

    @PUT
    @Path("/triggers")
    public Triggers changeTriggers(@NotNull @Valid Triggers body) {
        Set<WorkflowService.Trigger> on = EnumSet.noneOf(WorkflowService.Trigger.class);
        body.events().forEach(event -> on.add(Enums.parse(WorkflowService.Trigger.class, event,
                "workflow-trigger-unknown", "workflow trigger")));
        return new Triggers(workflows.changeTriggers(caller.tenantId(), on).stream().map(Enum::name).toList());
    }

    @GET
    public List<WorkflowService.Workflow> all() {
        return workflows.workflows(caller.tenantId());
    }

    @POST
    public Response add(@NotNull @Valid NewWorkflow body) {
        return Response.status(Response.Status.CREATED)
                .entity(workflows.addWorkflow(caller.tenantId(), body.name(), body.label())).build();
    }

    @DELETE
    @Path("/{name}")
    public Response remove(@PathParam("name") String name) {
        workflows.removeWorkflow(caller.tenantId(), name);
        return Response.noContent().build();
    }
}
