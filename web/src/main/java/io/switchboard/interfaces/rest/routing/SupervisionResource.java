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

    private static final java.util.regex.Pattern WHOLE_MINUTES = java.util.regex.Pattern.compile("[0-9]{1,4}");

    @EJB
    SupervisionService supervision;

    @EJB
    io.switchboard.routing.application.InteractionService interactions;

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

    /**
     * Per queue: waiting now, oldest wait, service level, average speed of answer, average handle time, abandon
     * rate and members by state over the last {@code minutes} (60 by default), with the window's slices for charts.
     */
    @GET
    @Path("/kpis")
    public io.switchboard.api.routing.KpiReport kpis(
            @jakarta.ws.rs.QueryParam("minutes") @jakarta.ws.rs.DefaultValue("60") String minutes) {
        // plain ASCII digits only: no sign, no other scripts' digits, nothing parseInt would quietly accept
        if (!WHOLE_MINUTES.matcher(minutes).matches()) {
            throw new io.switchboard.api.error.InvalidRequestException("invalid-window", "minutes is a whole number "
                    + "from 1 to 1440; got '" + minutes + "'.");
        }
        return supervision.kpis(caller.tenantId(), Integer.parseInt(minutes));
    }

    /** The ids of the queue's members, for filtering the board by queue. */
    @GET
    @Path("/queues/{queueId}/members")
    public List<java.util.UUID> members(@jakarta.ws.rs.PathParam("queueId") java.util.UUID queueId) {
        return supervision.members(caller.tenantId(), queueId);
    }

    /**
     * Stuck work: the supervisor ends an agent's call or chat for them, into wrap-up; the agent then finishes it
     * (wrap-up code, Done) as usual.
     */
    @jakarta.ws.rs.POST
    @Path("/interactions/{interactionId}/force-wrap-up")
    public InteractionView forceWrapUp(@jakarta.ws.rs.PathParam("interactionId") java.util.UUID interactionId) {
        return interactions.forceWrapUp(caller.tenantId(), caller.agentId(), interactionId);
    }

    @GET
    @Path("/interactions")
    public List<InteractionView> inHand() {
        return supervision.inHand(caller.tenantId());
    }
}
