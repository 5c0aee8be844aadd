package io.switchboard.interfaces.rest.outbound;

import io.switchboard.api.Channel;
import io.switchboard.api.Enums;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.outbound.template.application.TemplateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The tenant's message templates (OB7), as administrators write them. */
@Path("/admin/outbound/templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class TemplateAdminResource {

    /** {@code channel}: SMS or EMAIL (fixed once written); {@code subject}: email only, optional. */
    public record Template(@Size(max = 16) String channel, @NotNull @Size(max = 200) String name,
                           @Size(max = 2000) String subject, @NotNull @Size(max = 20_000) String body) {
    }

    @EJB
    TemplateService templates;

    @Inject
    Caller caller;

    @GET
    public List<TemplateService.TemplateView> all(@QueryParam("channel") String channel) {
        return templates.list(caller.tenantId(), channel == null ? null : channel(channel));
    }

    @POST
    public Response create(@NotNull @Valid Template body) {
        TemplateService.TemplateView created = templates.create(caller.tenantId(), wording(body,
                channel(body.channel())));
        return Response.created(URI.create("/api/admin/outbound/templates/" + created.templateId()))
                .entity(created).build();
    }

    @PUT
    @Path("/{id}")
    public TemplateService.TemplateView rewrite(@PathParam("id") UUID id, @NotNull @Valid Template body) {
        return templates.rewrite(caller.tenantId(), id, wording(body,
                body.channel() == null ? null : channel(body.channel())));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        templates.delete(caller.tenantId(), id);
        return Response.noContent().build();
    }

    static Channel channel(String name) {
        return Enums.parse(Channel.class, name, "template-channel-unsupported", "channel");
    }

    private static TemplateService.Wording wording(Template body, Channel channel) {
        return new TemplateService.Wording(channel, body.name(), body.subject(), body.body());
    }
}
