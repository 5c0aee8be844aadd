package io.switchboard.interfaces.rest;

import io.switchboard.interfaces.rest.problem.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Graceful overload: at most {@code switchboard.http.max-concurrent-requests} API requests run at once (about the
 * database pool: more would only queue for a connection, holding worker threads and row locks while they wait); a
 * request that finds no room within {@code switchboard.http.admission-wait-ms} is refused at once with 503 and
 * {@code Retry-After}, instead of piling up until every client times out. New work from integrations (creating an
 * interaction) has a smaller share of its own, so under a flood of new work the agents' own commands — accept, end,
 * done, state changes, which are what drain the backlog — still get through.
 */
@WebFilter("/api/*")
public class AdmissionControl extends HttpFilter {

    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    @Inject
    @ConfigProperty(name = "switchboard.http.max-concurrent-requests", defaultValue = "32")
    int maxRequests;

    @Inject
    @ConfigProperty(name = "switchboard.http.max-concurrent-intake", defaultValue = "12")
    int maxIntake;

    @Inject
    @ConfigProperty(name = "switchboard.http.admission-wait-ms", defaultValue = "200")
    long waitMillis;

    @Inject
    @ConfigProperty(name = "switchboard.http.retry-after-seconds", defaultValue = "1")
    int retryAfterSeconds;

    private Semaphore requests;
    private Semaphore intake;

    @Override
    public void init() {
        requests = new Semaphore(maxRequests, true);
        intake = new Semaphore(maxIntake, true);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // the path as routed: without matrix parameters or a trailing slash, which JAX-RS ignores too
        String path = TRAILING_SLASHES.matcher(MATRIX_PARAMETERS.matcher(request.getRequestURI()).replaceAll(""))
                .replaceAll("");
        boolean newWork = "POST".equals(request.getMethod()) && path.endsWith("/api/integration/interactions");
        if (newWork && !acquire(intake)) {
            refuse(response, "The server is taking in as much new work as it can; retry after "
                    + retryAfterSeconds + " s.");
            return;
        }
        try {
            if (!acquire(requests)) {
                refuse(response, "The server is busy; retry after " + retryAfterSeconds + " s.");
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                requests.release();
            }
        } finally {
            if (newWork) {
                intake.release();
            }
        }
    }

    private boolean acquire(Semaphore permits) {
        try {
            return permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        response.setContentType(Problem.MEDIA_TYPE);
        response.getWriter().write("{\"type\":\"" + Problem.typeOf("overloaded") + "\",\"title\":\"Service Unavailable\","
                + "\"status\":503,\"detail\":\"" + detail + "\"}");
    }
}
