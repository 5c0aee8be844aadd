package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.routing.InteractionView;
import io.switchboard.api.routing.QuarantinedWork;
import io.switchboard.api.routing.QueueView;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.application.SupervisionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The supervisor board's routing side: queues (waiting, oldest wait) and the work agents hold. */
@Path("/supervision")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
public class SupervisionResource {

    @EJB
    SupervisionService supervision;

    @Inject
    Caller caller;

    /** Deadline work the sweeper quarantined after repeated failures: what it was, how often it failed, why. */
    @GET
    @Path("/quarantine")
    public List<QuarantinedWork> quarantined() {
        return supervision.quarantined(caller.tenantId());
    }

    /** Back into the sweep, once the cause (e.g. the queue's configuration) is fixed. */
    @jakarta.ws.rs.DELETE
    @Path("/quarantine/{interactionId}")
    public void release(@jakarta.ws.rs.PathParam("interactionId") java.util.UUID interactionId) {
        supervision.release(caller.tenantId(), interactionId);
    }

    @GET
    @Path("/queues")
    public List<QueueView> queues() {
        return supervision.queues(caller.tenantId());
    }

    @GET
    @Path("/interactions")
    public List<InteractionView> inHand() {
        return supervision.inHand(caller.tenantId());
    }
}
