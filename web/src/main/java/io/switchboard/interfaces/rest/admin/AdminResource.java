package io.switchboard.interfaces.rest.admin;

import io.switchboard.agentstate.application.AgentAdministrationService;
import io.switchboard.agentstate.application.AgentQueryService;
import io.switchboard.agentstate.application.TenantConfigurationService;
import io.switchboard.api.agentstate.AgentStateView;
import io.switchboard.api.agentstate.ReasonCodeView;
import io.switchboard.api.agentstate.TenantSettingsView;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.interfaces.rest.agentstate.Requests;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.agentstate.signin.application.SignInRecord;
import io.switchboard.agentstate.signin.application.SignInService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Tenant administration (role {@code admin}): users and their channels, reason codes, tenant settings. */
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class AdminResource {

    public record NewAgent(@NotBlank @Size(max = 64) String login, @NotBlank @Size(max = 120) String displayName,
                           @NotBlank @Size(max = 15) String extension, @NotBlank @Size(max = 200) String password,
                           @NotBlank String licenceTier, @NotEmpty Set<String> roles,
                           @Size(max = 16) List<String> channels) {
    }

    public record Assignment(@NotNull @Size(max = 16) List<String> channels) {
    }

    public record NewReasonCode(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 80) String label) {
    }

    public record ReasonCodeChange(@Size(min = 1, max = 80) String label, Boolean active) {
    }

    /** The settings to change; those left out stay as they are. */
    public record TenantSettings(Boolean pendingNotReadyEnabled, Boolean digitalChannelsEnabled,
                                 Boolean pciRestricted) {
        @jakarta.validation.constraints.AssertTrue(message = "name a setting to change")
        public boolean isAnySetting() {
            return pendingNotReadyEnabled != null || digitalChannelsEnabled != null || pciRestricted != null;
        }
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");
    private static final java.util.regex.Pattern LIMIT = java.util.regex.Pattern.compile("[1-9][0-9]{0,2}");

    public record NewPassword(@NotNull @Size(max = 200) String password) {
    }

    @EJB
    AgentAdministrationService administration;

    @EJB
    SignInService signIns;

    @EJB
    AgentQueryService queries;

    @EJB
    TenantConfigurationService configuration;

    @Inject
    Caller caller;

    @GET
    @Path("/agents")
    public List<AgentStateView> agents() {
        return queries.allAgents(caller.tenantId());
    }

    @POST
    @Path("/agents")
    public Response createAgent(@NotNull @Valid NewAgent body, @jakarta.ws.rs.core.Context UriInfo uri) {
        AgentStateView created = administration.create(caller.tenantId(),
                new AgentAdministrationService.NewAgent(body.login(), body.displayName(), body.extension(),
                        body.password(), body.licenceTier(), body.roles(), Requests.parse(body.channels())));
        return Response.created(uri.getBaseUriBuilder().path("agents").path(created.agentId().toString()).build())
                .entity(created).build();
    }

    /** The user can no longer sign in; their tokens and sockets stop working within seconds (PL5). */
    @POST
    @Path("/agents/{agentId}/disable")
    public AgentStateView disable(@PathParam("agentId") UUID agentId) {
        return administration.disable(caller.tenantId(), caller.agentId(), agentId);
    }

    @POST
    @Path("/agents/{agentId}/enable")
    public AgentStateView enable(@PathParam("agentId") UUID agentId) {
        return administration.enable(caller.tenantId(), agentId);
    }

    /** Sets a new password; the user's tokens stop working and a sign-in lockout is lifted. */
    @PUT
    @Path("/agents/{agentId}/password")
    public Response resetPassword(@PathParam("agentId") UUID agentId, @NotNull @Valid NewPassword body) {
        administration.resetPassword(caller.tenantId(), agentId, body.password().toCharArray());
        return Response.noContent().build();
    }

    /** The tenant's sign-in audit log, newest first; {@code before} pages on by the last id seen. */
    @GET
    @Path("/sign-ins")
    public List<SignInRecord> signIns(@QueryParam("before") String before,
                                      @QueryParam("limit") @DefaultValue("100") String limit) {
        // plain ASCII digits only: nothing parseInt would quietly accept (signs, other scripts' digits)
        if (before != null && !ID.matcher(before).matches()) {
            throw new InvalidRequestException("invalid-before", "before is the id of a sign-in record (a whole "
                    + "number of 1 to 18 digits); got '" + before + "'.");
        }
        if (!LIMIT.matcher(limit).matches() || Integer.parseInt(limit) > 500) {
            throw new InvalidRequestException("invalid-limit", "limit is a whole number from 1 to 500; got '"
                    + limit + "'.");
        }
        return signIns.auditLog(caller.tenantId(), before == null ? null : Long.valueOf(before),
                Integer.parseInt(limit));
    }

    @PUT
    @Path("/agents/{agentId}/channels")
    public AgentStateView assign(@PathParam("agentId") UUID agentId, @NotNull @Valid Assignment body) {
        return administration.assignChannels(caller.tenantId(), agentId, Requests.parse(body.channels()));
    }

    @GET
    @Path("/tenant-settings")
    public TenantSettingsView settings() {
        return configuration.settings(caller.tenantId());
    }

    @PUT
    @Path("/tenant-settings")
    public TenantSettingsView changeSettings(@NotNull @Valid TenantSettings body) {
        return configuration.changeSettings(caller.tenantId(), body.pendingNotReadyEnabled(),
                body.digitalChannelsEnabled(), body.pciRestricted());
    }

    @POST
    @Path("/reason-codes")
    public Response addReasonCode(@NotNull @Valid NewReasonCode body) {
        return Response.status(Response.Status.CREATED)
                .entity(configuration.addReasonCode(caller.tenantId(), body.code(), body.label())).build();
    }

    @PUT
    @Path("/reason-codes/{code}")
    public ReasonCodeView changeReasonCode(@PathParam("code") String code, @NotNull @Valid ReasonCodeChange body) {
        return configuration.changeReasonCode(caller.tenantId(), code, body.label(), body.active());
    }
}
