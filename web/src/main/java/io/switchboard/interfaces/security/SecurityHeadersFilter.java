package io.switchboard.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * The usual security headers on every answer, and on the web client's pages a Content-Security-Policy that lets
 * them load scripts, styles and connections from this origin only (no inline script, no eval, no framing). Images
 * may also come from the public address inline images are served at, which may be another origin. The public inline
 * image endpoint sets its own, stricter policy, which this filter leaves alone.
 */
@WebFilter("/*")
public class SecurityHeadersFilter extends HttpFilter {

    static final String CLIENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:%s; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    @ConfigProperty(name = "switchboard.email.public-base-url")
    Optional<String> publicBaseUrl;

    private String clientPolicy;

    @Override
    public void init() {
        String imageOrigin = publicBaseUrl.map(SecurityHeadersFilter::origin).map(origin -> " " + origin).orElse("");
        clientPolicy = CLIENT_POLICY.formatted(imageOrigin);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setHeader("Content-Security-Policy", clientPolicy);
        }
        chain.doFilter(request, response);
    }

    /** scheme://host[:port] of a configured URL, or nothing when it is not one. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
