package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.Channel;
import io.switchboard.api.routing.InteractionView;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.application.InteractionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * Interactions entering through an entry point, created by integrations (IX1). The idempotency key makes a retried
 * request return the interaction it created the first time (200) instead of creating another (201).
 */
@Path("/integration/interactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.INTEGRATION)
public class IntegrationInteractionResource {

    public record NewInteraction(@NotBlank String channel, @NotBlank @Size(max = 200) String entryPoint,
                                 @NotBlank @Size(max = 200) String customerAddress, @NotNull JsonObject content,
                                 @NotBlank @Size(max = 120) String idempotencyKey) {
    }

    @EJB
    InteractionService interactions;

    @Inject
    Caller caller;

    @POST
    public Response create(@NotNull @Valid NewInteraction body) {
        InteractionService.Created result = interactions.create(caller.tenantId(),
                new InteractionService.NewInteraction(Channel.parse(body.channel()), body.entryPoint(),
                        body.customerAddress(), body.content(), body.idempotencyKey()));
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result.interaction()).build();
    }

    @GET
    public InteractionView byIdempotencyKey(@jakarta.ws.rs.QueryParam("idempotencyKey") @NotBlank String key) {
        return interactions.byIdempotencyKey(caller.tenantId(), key);
    }

    @GET
    @Path("/{id}")
    public InteractionView get(@PathParam("id") UUID id) {
        return interactions.get(caller.tenantId(), id);
    }

    /** The customer writes in their chat (from the chat widget's backend). */
    @POST
    @Path("/{id}/messages")
    public InteractionView customerMessage(@PathParam("id") UUID id,
                                           @NotNull @Valid InteractionResource.Message body) {
        return interactions.receiveChatMessage(caller.tenantId(), id, body.text());
    }

    /**
     * The customer left (hung up, closed the chat window): waiting or ringing, the interaction is abandoned and an
     * offer disappears from the agent's screen at once (no RONA); in progress, a call or chat ends into wrap-up.
     */
    @POST
    @Path("/{id}/customer-left")
    public InteractionView customerLeft(@PathParam("id") UUID id) {
        return interactions.customerLeft(caller.tenantId(), id);
    }
}
