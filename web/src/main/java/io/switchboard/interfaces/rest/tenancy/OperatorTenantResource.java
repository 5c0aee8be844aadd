package io.switchboard.interfaces.rest.tenancy;

import io.switchboard.agentstate.tenancy.application.TenantService;
import io.switchboard.agentstate.tenancy.application.TenantService.TenantView;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.UUID;

/**
 * The platform operator's tenants (PL4): create one with its first admin, list, suspend, resume. Only the operator
 * role reaches it, and the operator reaches nothing else: no tenant's agents, customers or work.
 */
@Path("/operator/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.OPERATOR)
public class OperatorTenantResource {

    public record NewTenant(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 120) String name,
                            @NotNull @Valid Admin admin) {
    }

    public record Admin(@NotBlank @Size(max = 64) String login, @NotBlank @Size(max = 120) String displayName,
                        @Size(max = 15) String extension, @NotNull @Size(max = 200) String password) {
    }

    @EJB
    TenantService tenants;

    @GET
    public List<TenantView> all() {
        return tenants.list();
    }

    @POST
    public Response create(@NotNull @Valid NewTenant body, @Context UriInfo uri) {
        TenantView created = tenants.create(body.code(), body.name(), new TenantService.FirstAdmin(
                body.admin().login(), body.admin().displayName(), body.admin().extension(),
                body.admin().password().toCharArray()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    /** Its users can no longer sign in, and their tokens and sockets stop working within seconds; data stays. */
    @POST
    @Path("/{tenantId}/suspend")
    public TenantView suspend(@PathParam("tenantId") UUID tenantId) {
        return tenants.suspend(tenantId);
    }

    @POST
    @Path("/{tenantId}/resume")
    public TenantView resume(@PathParam("tenantId") UUID tenantId) {
        return tenants.resume(tenantId);
    }
}
