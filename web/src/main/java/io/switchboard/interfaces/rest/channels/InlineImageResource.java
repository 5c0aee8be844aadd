package io.switchboard.interfaces.rest.channels;

import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.channels.email.application.InlineImages;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * OB10: an agent puts an image in an email of the conversation — the request body is the image itself (PNG, JPEG or
 * GIF, at most 15 KB); the answer is the URL to put in the HTML's {@code <img src>}.
 */
@Path("/interactions/{interactionId}/inline-images")
@RolesAllowed(Caller.AGENT)
public class InlineImageResource {

    @EJB
    InlineImages images;

    @Inject
    Caller caller;

    @POST
    @Consumes({"image/png", "image/jpeg", "image/gif"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@PathParam("interactionId") UUID interactionId,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        InlineImages.Uploaded uploaded = images.upload(caller.tenantId(), caller.agentId(), interactionId,
                contentType == null ? null : contentType.split(";", 2)[0],
                atMostOneMore(body));
        return Response.status(Response.Status.CREATED).entity(uploaded).build();
    }

    /** The body, read no further than one byte past the limit (a large upload is refused without being read). */
    private static byte[] atMostOneMore(InputStream body) {
        try {
            byte[] read = body.readNBytes(InlineImages.MAX_BYTES + 1);
            if (read.length > InlineImages.MAX_BYTES) {
                throw new InvalidRequestException("inline-image-too-large", "An inline image is at most 15 KB ("
                        + InlineImages.MAX_BYTES + " bytes); this one is larger. Make it smaller, or send the "
                        + "picture as a link.");
            }
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
