package io.switchboard.interfaces.security;

import io.switchboard.api.error.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;


/** The {@link Caller} of a REST request, from the token MicroProfile JWT has already verified. */
@RequestScoped
public class CallerProducer {

    @Inject
    JsonWebToken jwt;

    @Produces
    Caller caller() {
        try {
            return TokenService.caller(jwt);
        } catch (IllegalArgumentException e) {
            // the operator's token names no tenant: it reaches nothing that acts for a tenant's user
            throw new AccessDeniedException("This token is not a tenant user's; it cannot act in a tenant.");
        }
    }
}
