package io.switchboard.interfaces.rest.problem;

import jakarta.inject.Inject;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * RESTEasy ships its own plain-text mapper for Bean Validation failures, which outranks a mapper of
 * {@code Throwable}; this one outranks it and hands over to {@link ProblemExceptionMapper}, so there is still one
 * place that decides what an error looks like.
 */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ValidationException> {

    @Inject
    ProblemExceptionMapper problems;

    @Override
    public Response toResponse(ValidationException exception) {
        return problems.toResponse(exception);
    }
}
