package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.Channel;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.application.RoutingConfigurationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.EnumSet;
import java.util.UUID;

/** Routing configuration (role {@code admin}): queues and members, entry points, multimedia profiles. */
@Path("/admin/routing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN)
public class RoutingAdminResource {

    public record NewQueue(@NotBlank @Size(max = 80) String name, Integer priority, Integer ronaTimeoutSeconds,
                           Boolean wrapUpRequired, @Size(max = 20) List<String> wrapUpCodes,
                           Integer acwSeconds, @Size(max = 16) String acwNextState,
                           @Size(max = 40) String acwNextReason, Integer serviceLevelSeconds) {
    }

    public record ServiceLevel(@NotNull Integer seconds) {
    }

    public record Members(@NotNull @Size(max = 5000) Set<UUID> agentIds) {
    }

    public record NewEntryPoint(@NotBlank String channel, @NotBlank @Size(max = 200) String address,
                                @NotNull UUID queueId) {
    }

    /**
     * A multimedia profile: capacity per channel; blending rules as {@code {"whileEngagedOn":"voice","blocks":"chat"}};
     * the licence an agent needs (STANDARD by default); outbound tasks at once and their channels (none by default).
     */
    public record NewProfile(@NotBlank @Size(max = 80) String name, @NotNull @Size(max = 16) Map<String, Integer> capacity,
                             @Size(max = 64) List<@NotNull @Valid BlendingRule> blending, @Size(max = 16) String licenceTier,
                             Integer maxOutbound, @Size(max = 16) Set<@NotNull String> outboundChannels) {
    }

    public record BlendingRule(@NotBlank String whileEngagedOn, @NotBlank String blocks) {
    }

    public record ProfileAssignment(@NotNull UUID profileId) {
    }

    public record Created(UUID id) {
    }

    @EJB
    RoutingConfigurationService configuration;

    @Inject
    Caller caller;

    @POST
    @Path("/queues")
    public Response createQueue(@NotNull @Valid NewQueue body) {
        return created(configuration.createQueue(caller.tenantId(), body.name(),
                body.priority() == null ? 0 : body.priority(),
                body.ronaTimeoutSeconds() == null ? 20 : body.ronaTimeoutSeconds(),
                Boolean.TRUE.equals(body.wrapUpRequired()), body.wrapUpCodes(),
                new RoutingConfigurationService.AfterCallWork(body.acwSeconds() == null ? 0 : body.acwSeconds(),
                        body.acwNextState() == null ? "READY" : body.acwNextState(), body.acwNextReason()),
                body.serviceLevelSeconds() == null ? 20 : body.serviceLevelSeconds()));
    }

    /** The queue's service-level threshold: {@code {"seconds": 1 to 3600}}. */
    @PUT
    @Path("/queues/{id}/service-level")
    public Response serviceLevel(@PathParam("id") UUID queueId, @NotNull @Valid ServiceLevel body) {
        configuration.targetServiceLevel(caller.tenantId(), queueId, body.seconds());
        return Response.noContent().build();
    }

    /**
     * How transfers behave in the queue: {@code {"timeoutSeconds": 5 to 600, "position": "AHEAD" | "BEHIND"}} — how
     * long a transfer to an agent rings, and where a transfer into the queue waits (AHEAD keeps the customer's first
     * arrival time; BEHIND queues it as new).
     */
    @PUT
    @Path("/queues/{id}/transfers")
    public Response transfers(@PathParam("id") UUID queueId, @NotNull @Valid TransferSettings body) {
        configuration.configureTransfers(caller.tenantId(), queueId, body.timeoutSeconds(), body.position());
        return Response.noContent().build();
    }

    public record TransferSettings(@NotNull Integer timeoutSeconds, @NotNull String position) {
    }

    @PUT
    @Path("/queues/{id}/members")
    public Response members(@PathParam("id") UUID queueId, @NotNull @Valid Members body) {
        configuration.setMembers(caller.tenantId(), queueId, body.agentIds());
        return Response.noContent().build();
    }

    @POST
    @Path("/entry-points")
    public Response addEntryPoint(@NotNull @Valid NewEntryPoint body) {
        return created(configuration.addEntryPoint(caller.tenantId(), Channel.parse(body.channel()), body.address(),
                body.queueId()));
    }

    @POST
    @Path("/profiles")
    public Response createProfile(@NotNull @Valid NewProfile body) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        body.capacity().forEach((channel, max) -> capacity.put(Channel.parse(channel), max));
        Map<Channel, Set<Channel>> blending = new EnumMap<>(Channel.class);
        if (body.blending() != null) {
            body.blending().forEach(rule -> blending.computeIfAbsent(Channel.parse(rule.whileEngagedOn()),
                    engaged -> EnumSet.noneOf(Channel.class)).add(Channel.parse(rule.blocks())));
        }
        Set<Channel> outbound = EnumSet.noneOf(Channel.class);
        if (body.outboundChannels() != null) {
            body.outboundChannels().forEach(channel -> outbound.add(Channel.parse(channel)));
        }
        return created(configuration.createProfile(caller.tenantId(), body.name(), capacity,
                new RoutingConfigurationService.ProfileRules(blending, body.licenceTier(),
                        body.maxOutbound() == null ? 0 : body.maxOutbound(), outbound)));
    }

    @PUT
    @Path("/agents/{agentId}/profile")
    public Response assignProfile(@PathParam("agentId") UUID agentId, @NotNull @Valid ProfileAssignment body) {
        configuration.assignProfile(caller.tenantId(), agentId, body.profileId());
        return Response.noContent().build();
    }

    private static Response created(UUID id) {
        return Response.status(Response.Status.CREATED).entity(new Created(id)).build();
    }
}
