package io.switchboard.interfaces.websocket;

import io.switchboard.agentstate.signin.application.SessionService;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.interfaces.security.CallerStandings;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * Redeems the handshake's one-time ticket before any upgrade happens (a valid ticket of a user whose session stands,
 * its token not expired), or refuses it with a 401 problem; {@link AgentEventsEndpoint} takes the caller from
 * {@link RedeemedTickets}.
 */
@WebFilter("/ws/*")
public class WebSocketAuthenticationFilter extends HttpFilter {

    @EJB
    SessionService sessions;

    @Inject
    CallerStandings standings;

    @Inject
    RedeemedTickets redeemed;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String ticket = request.getParameter(AgentEventsEndpoint.TICKET_PARAMETER);
        Optional<Caller> caller = ticket == null || ticket.length() > 100 ? Optional.empty()
                : sessions.redeem(ticket).map(holder -> new Caller(holder.agentId(), holder.tenantId(),
                        holder.login(), holder.roles(), holder.credentialVersion(), holder.issuedAt(),
                        holder.sessionExpiresAt())).filter(standings::admits);
        if (caller.isPresent()) {
            redeemed.hold(ticket, caller.get());
            chain.doFilter(request, response);
            return;
        }
        // Rendered as a problem document by the 401 error page (UnauthenticatedServlet).
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
