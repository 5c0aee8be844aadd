package io.switchboard.interfaces.rest.problem;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page for a 401 sent outside JAX-RS — by the MicroProfile JWT mechanism (a forged or expired token) or
 * by the WebSocket handshake filter: the caller still gets a problem document, not the container's HTML page.
 */
@WebServlet("/errors/unauthenticated")
public class UnauthenticatedServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"switchboard\", error=\"invalid_token\"");
        response.getWriter().write("{\"type\":\"" + Problem.typeOf("unauthenticated") + "\",\"title\":\"Unauthorized\","
                + "\"status\":401,\"detail\":\"The bearer token is invalid or has expired; sign in again.\"}");
    }
}
