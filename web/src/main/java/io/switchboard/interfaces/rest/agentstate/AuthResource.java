package io.switchboard.interfaces.rest.agentstate;

import io.switchboard.agentstate.application.AuthenticationService;
import io.switchboard.api.agentstate.AuthenticatedUser;
import io.switchboard.interfaces.security.TokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Set;
import java.util.UUID;

/** Exchanges a tenant user's password for a bearer token. */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    public record Credentials(@NotBlank @Size(max = 40) String tenant, @NotBlank @Size(max = 64) String login,
                              @NotBlank @Size(max = 200) String password) {
    }

    public record Session(String token, String tokenType, long expiresIn, UUID agentId, String login,
                          String displayName, Set<String> roles) {
    }

    @EJB
    AuthenticationService authentication;

    @Inject
    TokenService tokens;

    @POST
    @Path("/login")
    @PermitAll
    public Session login(@NotNull @Valid Credentials credentials) {
        AuthenticatedUser user = authentication.authenticate(credentials.tenant(), credentials.login(),
                credentials.password().toCharArray());
        TokenService.IssuedToken token = tokens.issue(user);
        return new Session(token.token(), "Bearer", token.expiresInSeconds(), user.agentId(), user.login(),
                user.displayName(), user.roles());
    }
}
