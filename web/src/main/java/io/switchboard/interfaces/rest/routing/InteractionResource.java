package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.routing.InteractionView;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.application.InteractionService;
import io.switchboard.routing.application.WorkbinService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** The signed-in agent's interactions: offers to accept or reject, then end and mark done (IX4, IX6, IX7). */
@Path("/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class InteractionResource {

    public record Done(@Size(max = 40) String wrapUpCode) {
    }

    /** Seconds to add to the call's After-Call-Work, or -1 to keep it until Done. */
    public record Extension(@jakarta.validation.constraints.NotNull Integer seconds) {
    }

    /** {@code personal} or {@code team} (the workbin of the interaction's queue). */
    public record Park(@jakarta.validation.constraints.NotBlank
                       @jakarta.validation.constraints.Pattern(regexp = "personal|team") String workbin) {
    }

    /** Another agent's personal workbin, or a queue's team workbin: exactly one of the two. */
    public record Move(UUID agentId, UUID queueId) {
        @jakarta.validation.constraints.AssertTrue(message = "name exactly one of agentId and queueId")
        public boolean isOneTarget() {
            return (agentId == null) != (queueId == null);
        }
    }

    /** A chat message; the transcript stores at most 4,000 characters per message. */
    public record Message(@jakarta.validation.constraints.NotBlank @Size(max = 4000) String text) {
    }

    @EJB
    InteractionService interactions;

    @EJB
    WorkbinService workbins;

    @Inject
    Caller caller;

    @GET
    public List<InteractionView> mine() {
        return interactions.currentOf(caller.tenantId(), caller.agentId());
    }

    @POST
    @Path("/{id}/accept")
    public InteractionView accept(@PathParam("id") UUID id) {
        return interactions.accept(caller.tenantId(), caller.agentId(), id);
    }

    @POST
    @Path("/{id}/reject")
    public InteractionView reject(@PathParam("id") UUID id) {
        return interactions.reject(caller.tenantId(), caller.agentId(), id);
    }

    @POST
    @Path("/{id}/end")
    public InteractionView end(@PathParam("id") UUID id) {
        return interactions.end(caller.tenantId(), caller.agentId(), id);
    }

    @POST
    @Path("/{id}/extend-acw")
    public InteractionView extendAfterCallWork(@PathParam("id") UUID id,
                                               @jakarta.validation.constraints.NotNull @Valid Extension body) {
        return interactions.extendAfterCallWork(caller.tenantId(), caller.agentId(), id, body.seconds());
    }

    @POST
    @Path("/{id}/park")
    public InteractionView park(@PathParam("id") UUID id, @jakarta.validation.constraints.NotNull @Valid Park body) {
        return workbins.park(caller.tenantId(), caller.agentId(), id, body.workbin().equals("team"));
    }

    @POST
    @Path("/{id}/pick-up")
    public InteractionView pickUp(@PathParam("id") UUID id) {
        return workbins.pickUp(caller.tenantId(), caller.agentId(), id);
    }

    @POST
    @Path("/{id}/move")
    public InteractionView move(@PathParam("id") UUID id, @jakarta.validation.constraints.NotNull @Valid Move body) {
        return workbins.move(caller.tenantId(), caller.agentId(), id, body.agentId(), body.queueId());
    }

    @POST
    @Path("/{id}/messages")
    public InteractionView sendMessage(@PathParam("id") UUID id,
                                       @jakarta.validation.constraints.NotNull @Valid Message body) {
        return interactions.sendChatMessage(caller.tenantId(), caller.agentId(), id, body.text());
    }

    @POST
    @Path("/{id}/done")
    public InteractionView done(@PathParam("id") UUID id, @Valid Done body) {
        return interactions.markDone(caller.tenantId(), caller.agentId(), id, body == null ? null : body.wrapUpCode());
    }
}
