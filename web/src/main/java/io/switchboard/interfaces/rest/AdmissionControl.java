package io.switchboard.interfaces.rest;

import io.switchboard.interfaces.rest.problem.Problem;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.CanonicalPathUtils;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Graceful overload, decided on Undertow's I/O thread before a request takes a worker thread: at most
 * {@code maxRequests} API requests are in the server at once (running, or queued for a worker and a database
 * connection), and of those at most {@code maxIntake} create new work for integrations. A request beyond either
 * bound is refused at once with 503 {@code overloaded} and {@code Retry-After}: no thread is held, nothing waits, so
 * refusals stay quick however hard the server is pushed, and the worker queue never grows past the bound. The
 * agents' own commands (accept, end, done, state changes), which are what drain the backlog, keep the room that
 * intake may not take.
 *
 * <p>A servlet filter could not do this: it runs on a worker thread, so under a flood the requests it would refuse
 * first wait behind every other request for a thread (measured: refusals taking 1–28 s, creates timing out).
 */
final class AdmissionControl implements HttpHandler {

    /** The limits, read once from configuration at deployment. */
    record Limits(int maxRequests, int maxIntake, int retryAfterSeconds) {
    }

    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("//+");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("(?<=.)/+$");

    private final HttpHandler next;
    private final Limits limits;
    private final String apiPrefix;
    private final String intakePath;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger intake = new AtomicInteger();

    AdmissionControl(HttpHandler next, Limits limits, String contextPath) {
        this.next = next;
        this.limits = limits;
        String root = contextPath.equals("/") ? "" : contextPath;
        this.apiPrefix = root + "/api/";
        this.intakePath = root + "/api/integration/interactions";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String routed = routed(exchange.getRequestPath());
        if (!routed.startsWith(apiPrefix)) {
            next.handleRequest(exchange);   // the client's files, sockets, health
            return;
        }
        boolean newWork = Methods.POST.equals(exchange.getRequestMethod()) && routed.equals(intakePath);
        if (newWork && !take(intake, limits.maxIntake())) {
            refuse(exchange, "The server is taking in as much new work as it can; retry after "
                    + limits.retryAfterSeconds() + " s.");
            return;
        }
        if (!take(requests, limits.maxRequests())) {
            if (newWork) {
                intake.decrementAndGet();
            }
            refuse(exchange, "The server is busy; retry after " + limits.retryAfterSeconds() + " s.");
            return;
        }
        // released when the exchange ends, whatever the outcome (response sent, error, connection lost)
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            requests.decrementAndGet();
            if (newWork) {
                intake.decrementAndGet();
            }
            nextListener.proceed();
        });
        next.handleRequest(exchange);
    }

    /**
     * The path as the servlet layer and JAX-RS will route it (this runs before they tidy it): without matrix
     * parameters, repeated slashes, dot segments or a trailing slash — so that {@code //api/…},
     * {@code /api;x=y/…} or {@code /api/integration/./interactions} are counted like what they reach.
     */
    static String routed(String path) {
        String plain = REPEATED_SLASHES.matcher(MATRIX_PARAMETERS.matcher(path).replaceAll("")).replaceAll("/");
        return TRAILING_SLASHES.matcher(CanonicalPathUtils.canonicalize(plain)).replaceAll("");
    }

    private static boolean take(AtomicInteger inFlight, int limit) {
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    private void refuse(HttpServerExchange exchange, String detail) {
        exchange.setStatusCode(StatusCodes.SERVICE_UNAVAILABLE);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, limits.retryAfterSeconds());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE);
        exchange.getResponseSender().send("{\"type\":\"" + Problem.typeOf("overloaded") + "\",\"title\":"
                + "\"Service Unavailable\",\"status\":503,\"detail\":\"" + detail + "\"}");
    }
}
