package io.switchboard.interfaces.rest.channels;

import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.sms.application.SmsIntake;
import io.switchboard.channels.sms.application.SmsStatusCallbacks;
import io.switchboard.channels.sms.application.TwilioSignature;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.UUID;

/**
 * Twilio's webhooks, outside the bearer token: the SMS an entry point's number received, and the delivery reports on
 * our replies. Each request must carry a valid {@code X-Twilio-Signature} over the URL the provider called (the
 * configured public base URL, when the server sits behind a proxy, else the URL as received) and every parameter;
 * otherwise 403 and nothing is read or stored. Answered with empty TwiML: we reply later, through the REST API.
 */
@Path("/hooks/twilio/sms")
public class TwilioWebhookResource {

    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    @EJB
    Conversations conversations;

    @EJB
    SmsIntake intake;

    @EJB
    SmsStatusCallbacks callbacks;

    @Inject
    @ConfigProperty(name = "switchboard.sms.twilio.auth-token", defaultValue = " ")
    String authToken;

    /**
     * The scheme, host and port the provider calls (e.g. https://cc.example.com, the same that status callbacks are
     * sent to); none: the URL as received.
     */
    @Inject
    @ConfigProperty(name = "switchboard.sms.public-base-url")
    Optional<String> publicBase;

    @Context
    UriInfo uri;

    @POST
    @Path("/{entryPoint}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response received(@PathParam("entryPoint") UUID entryPointId,
                             @HeaderParam("X-Twilio-Signature") String signature,
                             MultivaluedMap<String, String> form) {
        verify(signature, form);
        Conversations.EntryPointRef entryPoint = conversations.entryPoint(entryPointId)
                .filter(e -> e.channel() == io.switchboard.api.Channel.SMS)
                .orElseThrow(() -> new NotFoundException("entry-point-not-found", "No SMS entry point "
                        + entryPointId + "."));
        intake.receive(entryPoint, new SmsIntake.Inbound(form.getFirst("MessageSid"), form.getFirst("From"),
                form.getFirst("To"), form.getFirst("Body"), media(form.getFirst("NumMedia"))));
        return Response.ok(EMPTY_TWIML, MediaType.TEXT_XML_TYPE).build();
    }

    @POST
    @Path("/status/{reply}")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response status(@PathParam("reply") UUID replyId, @HeaderParam("X-Twilio-Signature") String signature,
                           MultivaluedMap<String, String> form) {
        verify(signature, form);
        callbacks.report(replyId, form.getFirst("MessageSid"), form.getFirst("MessageStatus"),
                form.getFirst("ErrorCode"));
        return Response.ok(EMPTY_TWIML, MediaType.TEXT_XML_TYPE).build();
    }

    private void verify(String signature, MultivaluedMap<String, String> form) {
        String url = publicBase.filter(base -> !base.isBlank())
                .map(base -> base.replaceAll("/+$", "") + uri.getRequestUri().getRawPath()
                        + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()))
                .orElseGet(() -> uri.getRequestUri().toString());
        if (!TwilioSignature.matches(signature, authToken.strip(), url, form)) {
            throw new AccessDeniedException("The request's X-Twilio-Signature is missing or does not match "
                    + "(signed URL " + url + ").");
        }
    }

    private static int media(String count) {
        try {
            return count == null ? 0 : Math.max(0, Integer.parseInt(count.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
