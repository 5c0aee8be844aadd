package io.switchboard.interfaces.rest;

import io.switchboard.api.error.AuthenticationFailedException;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.interfaces.security.CallerStandings;
import io.switchboard.interfaces.security.TokenService;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every call needs a valid bearer token, except methods marked {@link PermitAll} (login), and a tenant user's token
 * must still speak for its user ({@link CallerStandings}): after a password change, a disabled user or a suspended
 * tenant it gets 401 {@code session-ended}. Running before the role checks keeps "who are you?" (401) apart from
 * "you may not" (403).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    CallerStandings standings;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (!(request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt)) {
            throw new NotAuthorizedException("A bearer token is required.", "Bearer realm=\"switchboard\"");
        }
        if (jwt.getGroups().contains(Caller.OPERATOR)) {
            return;
        }
        Caller caller;
        try {
            caller = TokenService.caller(jwt);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("session-ended", "This token is not a user's; sign in again.");
        }
        if (!standings.admits(caller)) {
            throw AuthenticationFailedException.sessionEnded();
        }
    }
}
