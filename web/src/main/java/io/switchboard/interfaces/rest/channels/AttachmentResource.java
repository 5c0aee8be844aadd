package io.switchboard.interfaces.rest.channels;

import io.switchboard.channels.email.application.EmailFiles;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The files customers sent by email, for the agent who has the conversation (or a supervisor). */
@Path("/interactions/{interactionId}/attachments")
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class AttachmentResource {

    @EJB
    EmailFiles files;

    @Inject
    Caller caller;

    @GET
    @Path("/{file}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("interactionId") UUID id, @PathParam("file") UUID file) {
        EmailFiles.Download download = files.file(caller.tenantId(), caller.agentId(), caller.is(Caller.SUPERVISOR),
                id, file);
        String ascii = download.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = java.net.URLEncoder.encode(download.name(), StandardCharsets.UTF_8).replace("+", "%20");
        // a customer's file is never shown inline: the browser saves it (no HTML or script of theirs runs here)
        return Response.ok(download.data(), download.type())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
