package io.switchboard.interfaces.rest.outbound;

import io.switchboard.interfaces.security.Caller;
import io.switchboard.outbound.conversation.application.OutboundService;
import io.switchboard.outbound.template.application.TemplateService;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * "New conversation" (OB1–OB6): where a conversation may leave from, and starting one. The new conversation is the
 * agent's at once; they write its messages as replies ({@code /api/interactions/{id}/replies}).
 */
@Path("/outbound")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class OutboundResource {

    /** {@code from}: an SMS or email entry point's id; {@code to}: a mobile number or an address; email: a subject. */
    public record NewConversation(@NotNull UUID from, @NotNull @Size(max = 320) String to,
                                  @Size(max = 998) String subject) {
    }

    public record Started(UUID interactionId) {
    }

    /** Whom the template is filled for: the conversation's mobile number or email address. */
    public record Fill(@NotNull @Size(max = 320) String to) {
    }

    @EJB
    OutboundService outbound;

    @EJB
    TemplateService templates;

    @Inject
    Caller caller;

    @GET
    @Path("/origins")
    public List<OutboundService.From> origins() {
        return outbound.origins(caller.tenantId());
    }

    /** The tenant's templates to pick from (OB7), of one channel or all. */
    @GET
    @Path("/templates")
    public List<TemplateService.TemplateView> templates(@QueryParam("channel") String channel) {
        return templates.list(caller.tenantId(), channel == null ? null : TemplateAdminResource.channel(channel));
    }

    /** The template filled for the customer at {@code to}; 422 {@code template-value-missing} naming what lacks. */
    @POST
    @Path("/templates/{id}/fill")
    public TemplateService.Filled fill(@PathParam("id") UUID id, @NotNull @Valid Fill body) {
        return templates.fill(caller.tenantId(), caller.agentId(), id, body.to());
    }

    @POST
    @Path("/conversations")
    public Response start(@NotNull @Valid NewConversation body) {
        UUID id = outbound.start(caller.tenantId(), caller.agentId(), body.from(), body.to(), body.subject());
        return Response.created(URI.create("/api/interactions/" + id)).entity(new Started(id)).build();
    }
}
