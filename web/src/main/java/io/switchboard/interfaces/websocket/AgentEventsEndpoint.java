package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.Caller;
import io.switchboard.interfaces.security.CallerStandings;
import io.switchboard.agentstate.signin.application.SessionService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /ws/agent-events?ticket=…}: pushes an agent's state events to every session the agent has open, and every
 * agent's events of the tenant to supervisors and admins. Browsers cannot set headers on a WebSocket, so the
 * handshake presents a one-time ticket fetched over REST with the access token ({@code POST /api/auth/socket-ticket})
 * rather than the token itself in the URL; {@link WebSocketAuthenticationFilter} refuses the handshake without a
 * valid one, and the ticket is redeemed (deleted) here, so it opens one socket on one node only.
 */
@ServerEndpoint("/ws/agent-events")
public class AgentEventsEndpoint {

    static final String TICKET_PARAMETER = "ticket";
    private static final String SOCKET = "push-socket";

    @EJB
    SessionService sessions;

    @Inject
    AgentEventSessions sockets;

    @Inject
    CallerStandings standings;

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> ticket = session.getRequestParameterMap().getOrDefault(TICKET_PARAMETER, List.of());
        Optional<Caller> caller = ticket.isEmpty() ? Optional.empty() : sessions.redeem(ticket.get(0))
                .map(holder -> new Caller(holder.agentId(), holder.tenantId(), holder.login(), holder.roles(),
                        holder.credentialVersion(), holder.issuedAt(), holder.sessionExpiresAt()));
        if (caller.isPresent() && standings.expired(caller.get())) {
            // the token the ticket was asked with ran out meanwhile: the client refreshes and comes back
            session.close(new CloseReason(AgentEventSessions.TOKEN_EXPIRED, "token expired"));
            return;
        }
        if (caller.isEmpty() || !standings.admits(caller.get())) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "invalid ticket"));
            return;
        }
        session.getUserProperties().put(SOCKET, sockets.open(caller.get(), session));
    }

    @OnClose
    public void close(Session session) {
        if (session.getUserProperties().get(SOCKET) instanceof PushSocket socket) {
            sockets.close(socket);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        close(session);
    }
}
