package io.switchboard.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/** The {@link Caller} of a REST request, from the token MicroProfile JWT has already verified. */
@RequestScoped
public class CallerProducer {

    @Inject
    JsonWebToken jwt;

    @Produces
    Caller caller() {
        return new Caller(UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.<String>getClaim(TokenService.TENANT_CLAIM)),
                jwt.getName(), jwt.getGroups());
    }
}
