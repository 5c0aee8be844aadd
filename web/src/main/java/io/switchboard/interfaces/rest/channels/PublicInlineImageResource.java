package io.switchboard.interfaces.rest.channels;

import io.switchboard.api.error.NotFoundException;
import io.switchboard.channels.email.application.InlineImages;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * OB10: the images in our emails, for the customer's mail client — no login, the unguessable token is the key. Only
 * image bytes are ever served (checked at upload), never sniffed into anything else, and cached by the client.
 */
@Path("/public/inline-images")
public class PublicInlineImageResource {

    @EJB
    InlineImages images;

    @GET
    @Path("/{token}")
    @PermitAll
    @Produces({"image/png", "image/jpeg", "image/gif", MediaType.APPLICATION_JSON})
    public Response image(@PathParam("token") String token) {
        InlineImages.Served image = images.serve(token).orElseThrow(() -> new NotFoundException(
                "inline-image-not-found", "No such image (it may have been removed after six months)."));
        return Response.ok(image.bytes(), image.mediaType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "public, max-age=86400, immutable")
                .header("Referrer-Policy", "no-referrer").build();
    }
}
