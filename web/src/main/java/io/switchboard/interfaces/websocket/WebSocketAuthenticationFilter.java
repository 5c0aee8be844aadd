package io.switchboard.interfaces.websocket;

import io.switchboard.interfaces.security.CallerStandings;
import io.switchboard.interfaces.security.TokenService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Refuses a WebSocket handshake without a valid, still standing token with a 401 problem, before any upgrade. */
@WebFilter("/ws/*")
public class WebSocketAuthenticationFilter extends HttpFilter {

    @Inject
    TokenService tokens;

    @Inject
    CallerStandings standings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = request.getParameter(AgentEventsEndpoint.TOKEN_PARAMETER);
        if (tokens.verify(token).filter(standings::admits).isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        // Rendered as a problem document by the 401 error page (UnauthenticatedServlet).
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
