package io.switchboard.interfaces.rest.agentstate;

import io.switchboard.agentstate.signin.application.SessionService;
import io.switchboard.agentstate.signin.application.SignInService;
import io.switchboard.api.agentstate.AuthenticatedUser;
import io.switchboard.interfaces.security.TokenService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Set;
import java.util.UUID;

/**
 * Exchanges a password for a bearer token: a tenant user's, or the platform operator's. Every attempt is throttled
 * and audited by {@link SignInService}.
 */
@Path("/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** Plain text: no control characters (a NUL would reach the database), said as a field error. */
    static final String PLAIN = "[^\\p{Cntrl}]*";

    public record Credentials(@NotBlank @Size(max = 40) @Pattern(regexp = PLAIN) String tenant,
                              @NotBlank @Size(max = 64) @Pattern(regexp = PLAIN) String login,
                              @NotBlank @Size(max = 200) String password) {
    }

    public record OperatorCredentials(@NotBlank @Size(max = 64) @Pattern(regexp = PLAIN) String login,
                                      @NotBlank @Size(max = 200) String password) {
    }

    /**
     * A signed-in session: a short-lived access token ({@code expiresIn} seconds, 15 minutes by default) and the
     * refresh token that gets the next one ({@code refreshExpiresIn}: what is left of the sign-in, 12 h at most).
     */
    public record Session(String token, String tokenType, long expiresIn, String refreshToken, Long refreshExpiresIn,
                          UUID agentId, String login, String displayName, Set<String> roles) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @EJB
    SignInService signIn;

    @EJB
    SessionService sessions;

    @Inject
    TokenService tokens;

    @Context
    HttpServletRequest request;

    @POST
    @Path("/login")
    @PermitAll
    public Session login(@NotNull @Valid Credentials credentials) {
        AuthenticatedUser user = signIn.signIn(credentials.tenant(), credentials.login(),
                credentials.password().toCharArray(), request.getRemoteAddr()).orThrow();
        return session(tokens, user, sessions.open(user));
    }

    /** The platform operator, whose credentials come from configuration (PL4). */
    @POST
    @Path("/operator")
    @PermitAll
    public Session operator(@NotNull @Valid OperatorCredentials credentials) {
        AuthenticatedUser operator = signIn.signInOperator(credentials.login(),
                credentials.password().toCharArray(), request.getRemoteAddr()).orThrow();
        TokenService.IssuedToken token = tokens.issueOperator(operator.login());
        return new Session(token.token(), "Bearer", token.expiresInSeconds(), null, null, null, operator.login(),
                operator.displayName(), operator.roles());
    }

    /** The next access token and refresh token; the one presented is used up (see {@link SessionService}). */
    @POST
    @Path("/refresh")
    @PermitAll
    public Session refresh(@NotNull @Valid RefreshRequest request) {
        SessionService.Refreshed refreshed = sessions.refresh(request.refreshToken(), this.request.getRemoteAddr())
                .orThrow();
        return session(tokens, refreshed.user(), refreshed.refresh());
    }

    /** Signing out: the refresh token's sign-in ends (an unknown one is already ended, so this always answers 204). */
    @POST
    @Path("/logout")
    @PermitAll
    public Response logout(@NotNull @Valid RefreshRequest request) {
        sessions.close(request.refreshToken(), this.request.getRemoteAddr());
        return Response.noContent().build();
    }

    static Session session(TokenService tokens, AuthenticatedUser user, SessionService.Refresh refresh) {
        TokenService.IssuedToken token = tokens.issue(user);
        return new Session(token.token(), "Bearer", token.expiresInSeconds(), refresh.secret(),
                refresh.expiresInSeconds(), user.agentId(), user.login(), user.displayName(), user.roles());
    }
}
