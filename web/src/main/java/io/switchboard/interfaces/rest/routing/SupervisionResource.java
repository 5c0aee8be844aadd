package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.routing.InteractionView;
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
