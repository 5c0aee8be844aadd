package io.switchboard.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Every call needs a valid bearer token, except methods marked {@link PermitAll} (login). Running before the role
 * checks keeps "who are you?" (401) apart from "you may not" (403).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() == null) {
            throw new NotAuthorizedException("A bearer token is required.", "Bearer realm=\"switchboard\"");
        }
    }
}
