package io.switchboard.interfaces.rest.problem;

import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.AuthenticationFailedException;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.DomainException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single error mapper of the API: every failure becomes {@code application/problem+json}. Domain errors keep
 * their stable code; framework errors (unreadable JSON, wrong types, missing token, role denied, oversize body) get
 * codes of their own; anything unexpected is a 500 whose details stay in the log under a correlation id.
 */
@Provider
@jakarta.enterprise.context.ApplicationScoped
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    private static final Map<Class<? extends DomainException>, Integer> DOMAIN_STATUS = Map.of(
            IllegalTransitionException.class, 409,
            ConflictException.class, 409,
            InvalidRequestException.class, 422,
            NotFoundException.class, 404,
            AccessDeniedException.class, 403,
            AuthenticationFailedException.class, 401,
            io.switchboard.api.error.RateLimitedException.class, 429);

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problemFor(thrown);
        if (problem.correlationId() != null) {
            LOG.log(Level.SEVERE, "Request failed, correlation id " + problem.correlationId(), thrown);
        } else {
            LOG.log(Level.FINE, "Request refused: " + problem.detail(), thrown);
        }
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 503) {
            response.header("Retry-After", "1");
        }
        io.switchboard.api.error.RateLimitedException limited = find(thrown,
                io.switchboard.api.error.RateLimitedException.class);
        if (limited != null) {
            response.header("Retry-After", String.valueOf(limited.retryAfterSeconds()));
        }
        if (problem.status() == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"switchboard\"");
        }
        return response.build();
    }

    private Problem problemFor(Throwable thrown) {
        DomainException domain = find(thrown, DomainException.class);
        if (domain != null) {
            return problem(statusOf(domain), domain.code(), domain.getMessage());
        }
        PayloadTooLargeException tooLarge = find(thrown, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return problem(413, "payload-too-large", tooLarge.getMessage());
        }
        InvalidUtf8Exception notUtf8 = find(thrown, InvalidUtf8Exception.class);
        if (notUtf8 != null) {
            return problem(400, "invalid-utf8", notUtf8.getMessage());
        }
        InvalidNumberException number = find(thrown, InvalidNumberException.class);
        if (number != null) {
            return invalidNumber(InvalidNumberException.fieldOf(thrown), number.getMessage());
        }
        ConstraintViolationException invalid = find(thrown, ConstraintViolationException.class);
        if (invalid != null) {
            List<Problem.Violation> violations = invalid.getConstraintViolations().stream()
                    .map(v -> new Problem.Violation(field(v.getPropertyPath().toString()), v.getMessage()))
                    .distinct().sorted(java.util.Comparator.comparing(Problem.Violation::field)).toList();
            return new Problem(Problem.typeOf("validation-failed"), "Bad Request", 400,
                    "The request has invalid fields: " + violations.stream()
                            .map(v -> v.field() + " " + v.message()).toList() + ".",
                    instance(), null, violations);
        }
        if (find(thrown, JsonParsingException.class) != null) {
            return problem(400, "malformed-json", "The request body is not well-formed JSON.");
        }
        if (find(thrown, JsonbException.class) != null) {
            return problem(400, "invalid-json",
                    "The request body does not match the expected JSON structure or field types.");
        }
        // Another transaction held or changed the same rows and this one rolled back whole: nothing changed and the
        // same request can succeed now. Any other database error is a 500; a duplicate was already translated into
        // its conflict at the persistence edge (Constraints in the persistence module).
        if (find(thrown, OptimisticLockException.class) != null || find(thrown, PessimisticLockException.class) != null
                || find(thrown, LockTimeoutException.class) != null) {
            // Not a conflict in what was asked (only a duplicate is): another transaction held the rows; a retry can
            // succeed, so it is "not now" with a Retry-After, and nothing was changed.
            return problem(503, "concurrent-modification", "The resource was being changed at the same time and "
                    + "nothing was changed; retry.");
        }
        WebApplicationException web = find(thrown, WebApplicationException.class);
        if (web != null && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            String detail = status == 403 ? "Your roles do not allow this action." : web.getMessage();
            return problem(status, webCode(status), detail);
        }
        String correlationId = UUID.randomUUID().toString();
        return new Problem(Problem.typeOf("internal-error"), "Internal Server Error", 500,
                "The server could not complete the request; quote correlation id " + correlationId + ".",
                instance(), correlationId, null);
    }

    private Problem invalidNumber(String field, String requirement) {
        String detail = (field == null ? "A number in the request body" : "The field '" + field + "'") + " "
                + requirement + ".";
        return new Problem(Problem.typeOf("invalid-number"), title(422), 422, detail, instance(), null,
                field == null ? null : List.of(new Problem.Violation(field, requirement)));
    }

    private static int statusOf(DomainException e) {
        return DOMAIN_STATUS.entrySet().stream().filter(entry -> entry.getKey().isInstance(e))
                .map(Map.Entry::getValue).findFirst().orElse(400);
    }

    private static String webCode(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private Problem problem(int status, String code, String detail) {
        return new Problem(Problem.typeOf(code), title(status), status, detail, instance(), null, null);
    }

    private static String title(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
    }

    private String instance() {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** The method-parameter prefix of a validation path ("create.arg1.login") means nothing to a client. */
    private static String field(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof jakarta.ejb.EJBException ejb && ejb.getCausedByException() != null
                    && ejb.getCausedByException() != ejb.getCause() && type.isInstance(ejb.getCausedByException())) {
                return type.cast(ejb.getCausedByException());
            }
        }
        return null;
    }
}
