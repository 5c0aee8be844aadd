package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.Caller;
import io.switchboard.interfaces.security.CallerStandings;
import io.switchboard.interfaces.security.TokenService;
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
 * {@code /ws/agent-events?access_token=…}: pushes an agent's state events to every session the agent has open, and
 * every agent's events of the tenant to supervisors and admins. Browsers cannot set headers on a WebSocket, hence the
 * token in the query; {@link WebSocketAuthenticationFilter} refuses the handshake without a valid one.
 */
@ServerEndpoint("/ws/agent-events")
public class AgentEventsEndpoint {

    static final String TOKEN_PARAMETER = "access_token";
    private static final String SOCKET = "push-socket";

    @Inject
    TokenService tokens;

    @Inject
    AgentEventSessions sessions;

    @Inject
    CallerStandings standings;

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> token = session.getRequestParameterMap().getOrDefault(TOKEN_PARAMETER, List.of());
        Optional<Caller> caller = token.isEmpty() ? Optional.empty()
                : tokens.verify(token.get(0)).filter(standings::admits);
        if (caller.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "invalid token"));
            return;
        }
        session.getUserProperties().put(SOCKET, sessions.open(caller.get(), session));
    }

    @OnClose
    public void close(Session session) {
        if (session.getUserProperties().get(SOCKET) instanceof PushSocket socket) {
            sessions.close(socket);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        close(session);
    }
}
