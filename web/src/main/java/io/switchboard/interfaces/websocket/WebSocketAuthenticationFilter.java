package io.switchboard.interfaces.websocket;

import io.switchboard.agentstate.signin.application.SessionService;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Refuses a WebSocket handshake without a valid ticket with a 401 problem, before any upgrade happens. */
@WebFilter("/ws/*")
public class WebSocketAuthenticationFilter extends HttpFilter {

    @EJB
    SessionService sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String ticket = request.getParameter(AgentEventsEndpoint.TICKET_PARAMETER);
        if (ticket != null && ticket.length() <= 100 && sessions.ticketValid(ticket)) {
            chain.doFilter(request, response);
            return;
        }
        // Rendered as a problem document by the 401 error page (UnauthenticatedServlet).
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
