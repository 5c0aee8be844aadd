package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.Caller;
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
 * rather than the token itself in the URL; {@link WebSocketAuthenticationFilter} redeems (deletes) it before the
 * upgrade or refuses the handshake, so a ticket opens one socket on one node only.
 */
@ServerEndpoint("/ws/agent-events")
public class AgentEventsEndpoint {

    static final String TICKET_PARAMETER = "ticket";
    private static final String SOCKET = "push-socket";

    @Inject
    RedeemedTickets redeemed;

    @Inject
    AgentEventSessions sockets;


    @OnOpen
    public void open(Session session) throws IOException {
        List<String> ticket = session.getRequestParameterMap().getOrDefault(TICKET_PARAMETER, List.of());
        // redeemed by the handshake's filter on this node, just before the upgrade
        Optional<Caller> caller = ticket.isEmpty() ? Optional.empty() : redeemed.take(ticket.get(0));
        if (caller.isEmpty()) {
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
