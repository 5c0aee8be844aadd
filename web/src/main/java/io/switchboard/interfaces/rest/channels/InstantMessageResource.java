package io.switchboard.interfaces.rest.channels;

import io.switchboard.api.agentstate.Colleague;
import io.switchboard.api.channels.InstantMessage;
import io.switchboard.api.delivery.Delivery;
import io.switchboard.api.json.EventJson;
import io.switchboard.channels.im.application.InstantMessaging;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Internal IM between colleagues (CH3): who is there with their presence, and sending a message, which reaches the
 * recipient's open sockets (and the sender's, for their other tabs) and is kept nowhere.
 */
@Path("/im")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class InstantMessageResource {

    /** {@code to}: the colleague's agent id; {@code text}: 1 to 2,000 characters of plain text. */
    public record Outgoing(@NotNull UUID to, @NotNull String text) {
    }

    /** What the sender learns: the message as delivered. */
    public record Sent(UUID messageId, java.time.Instant sentAt) {
    }

    @EJB
    InstantMessaging messaging;

    @Inject
    Delivery delivery;

    @Inject
    EventJson json;

    @Inject
    Caller caller;

    @GET
    @Path("/colleagues")
    public List<Colleague> colleagues() {
        List<Colleague> colleagues = messaging.colleaguesOf(caller.tenantId(), caller.agentId());
        // why a colleague is Not Ready is their supervisor's business, not their peers'
        return caller.is(Caller.SUPERVISOR) ? colleagues : colleagues.stream().map(c -> new Colleague(c.agentId(),
                c.login(), c.displayName(), c.presence(), null)).toList();
    }

    @POST
    @Path("/messages")
    public Sent send(@NotNull @Valid Outgoing body) {
        InstantMessage message = messaging.compose(caller.tenantId(), caller.agentId(), body.to(), body.text());
        String frame = json.toJson(message);
        if (delivery.toAgents(caller.tenantId(), Set.of(message.to()), frame) == 0) {
            throw messaging.notDelivered(message);
        }
        delivery.toAgents(caller.tenantId(), Set.of(message.from()), frame);
        return new Sent(message.messageId(), message.sentAt());
    }
}
