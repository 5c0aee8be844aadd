package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.routing.InteractionView;
import io.switchboard.api.routing.QueueView;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.application.SupervisionService;
import io.switchboard.routing.application.WorkbinService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** What is parked in the agent's personal workbin and in the team workbins of their queues (IX8). */
@Path("/workbins")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class WorkbinResource {

    @EJB
    WorkbinService workbins;

    @EJB
    SupervisionService supervision;

    @Inject
    Caller caller;

    @GET
    @Path("/personal")
    public List<InteractionView> personal() {
        return workbins.personal(caller.tenantId(), caller.agentId());
    }

    /** The queues whose team workbins the caller uses (the queues they serve). */
    @GET
    @Path("/teams")
    public List<QueueView> teams() {
        return supervision.queuesOf(caller.tenantId(), caller.agentId());
    }

    @GET
    @Path("/teams/{queueId}")
    public List<InteractionView> team(@PathParam("queueId") UUID queueId) {
        return workbins.team(caller.tenantId(), caller.agentId(), queueId);
    }
}
