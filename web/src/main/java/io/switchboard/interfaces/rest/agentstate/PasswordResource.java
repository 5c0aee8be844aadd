package io.switchboard.interfaces.rest.agentstate;

import io.switchboard.agentstate.signin.application.SessionService;
import io.switchboard.agentstate.signin.application.SignInService;
import io.switchboard.api.agentstate.AuthenticatedUser;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.interfaces.security.TokenService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * A signed-in user changes their own password. The current one is checked like a sign-in (throttled, audited); every
 * other token of theirs stops working, and the answer carries a fresh one so this tab stays signed in.
 */
@Path("/auth/password")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR, Caller.ADMIN, Caller.INTEGRATION})
public class PasswordResource {

    public record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
                                 @NotNull @Size(max = 200) String newPassword) {
    }

    @EJB
    SignInService signIn;

    @EJB
    SessionService sessions;

    @Inject
    TokenService tokens;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @PUT
    public AuthResource.Session change(@NotNull @Valid PasswordChange change) {
        AuthenticatedUser user = signIn.changeOwnPassword(caller.tenantId(), caller.agentId(),
                change.currentPassword().toCharArray(), change.newPassword().toCharArray(),
                request.getRemoteAddr()).orThrow();
        // a new sign-in: the refresh tokens of every earlier one carry the old credential version and are refused
        return AuthResource.session(tokens, user, sessions.open(user));
    }
}
