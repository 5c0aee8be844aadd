package io.switchboard.interfaces.rest.agentstate;

import io.switchboard.agentstate.signin.application.SessionService;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A one-time ticket for the event WebSocket's handshake ({@code /ws/agent-events?ticket=…}), good for 30 s, so that
 * no token travels in a URL (proxies log URLs). The socket closes (4401) when the access token used here expires;
 * the client refreshes it and comes back with a new ticket.
 */
@Path("/auth/socket-ticket")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR, Caller.ADMIN, Caller.INTEGRATION})
public class SocketTicketResource {

    public record Ticket(String ticket, long expiresIn) {
    }

    @EJB
    SessionService sessions;

    @Inject
    Caller caller;

    @POST
    public Ticket ticket() {
        return new Ticket(sessions.ticket(caller.agentId(), caller.tenantId(), caller.login(), caller.roles(),
                caller.credentialVersion(), caller.expiresAt()), 30);
    }
}
