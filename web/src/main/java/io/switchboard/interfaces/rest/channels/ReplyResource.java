package io.switchboard.interfaces.rest.channels;

import io.switchboard.api.channels.ReplyView;
import io.switchboard.channels.reply.application.ReplyService;
import io.switchboard.interfaces.security.Caller;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/**
 * The agent's replies to an email or SMS conversation: a reply is accepted (202) once
 * it is in the conversation and queued; its status (queued, sent, delivered, failed with the reason) is read here and
 * pushed to the agent's sockets as it changes.
 */
@Path("/interactions/{interactionId}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class ReplyResource {

    /** {@code text}: the reply (email up to 20,000 characters, SMS 1,600); {@code html}: email only, sanitised. */
    public record Reply(@NotNull @Size(max = 20_000) String text, @Size(max = 100_000) String html) {
    }

    @EJB
    ReplyService replies;

    @Inject
    Caller caller;

    @POST
    public Response reply(@PathParam("interactionId") UUID id, @NotNull @Valid Reply body) {
        ReplyView queued = replies.reply(caller.tenantId(), caller.agentId(), id, body.text(), body.html());
        return Response.accepted(queued).build();
    }

    @GET
    public List<ReplyView> replies(@PathParam("interactionId") UUID id) {
        return replies.replies(caller.tenantId(), caller.agentId(), caller.is(Caller.SUPERVISOR), id);
    }
}
