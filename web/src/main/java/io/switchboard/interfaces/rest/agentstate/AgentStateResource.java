package io.switchboard.interfaces.rest.agentstate;

import io.switchboard.agentstate.application.AgentQueryService;
import io.switchboard.agentstate.application.MyChannelsService;
import io.switchboard.api.agentstate.AgentStateView;
import io.switchboard.api.agentstate.TimeInStateView;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * "My Channels" over REST (AS1–AS5, AS8): an agent reads and changes their own state; supervisors read everyone's
 * and may log an agent off. Every change answers with the agent's whole state after it.
 */
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR, Caller.ADMIN})
public class AgentStateResource {

    @EJB
    MyChannelsService myChannels;

    @EJB
    AgentQueryService queries;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Caller.SUPERVISOR, Caller.ADMIN})
    public List<AgentStateView> all() {
        return queries.allAgents(caller.tenantId());
    }

    @GET
    @Path("/me")
    public AgentStateView me() {
        return queries.state(caller.tenantId(), caller.agentId());
    }

    @GET
    @Path("/{agentId}")
    public AgentStateView state(@PathParam("agentId") UUID agentId) {
        caller.requireSelfOrObserver(agentId);
        return queries.state(caller.tenantId(), agentId);
    }

    @GET
    @Path("/{agentId}/time-in-state")
    public TimeInStateView timeInState(@PathParam("agentId") UUID agentId, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        caller.requireSelfOrObserver(agentId);
        Instant start = from == null ? LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC)
                : instant("from", from);
        // Without "to" the period ends now, read by the service with the clock that ends the running states.
        return queries.timeInState(caller.tenantId(), agentId, start, to == null ? null : instant("to", to));
    }

    @POST
    @Path("/{agentId}/channels/login")
    public AgentStateView login(@PathParam("agentId") UUID agentId, @Valid Requests.ChannelSelection body) {
        caller.requireSelf(agentId);
        return myChannels.login(caller.tenantId(), agentId, selection(body));
    }

    @POST
    @Path("/{agentId}/channels/logoff")
    public AgentStateView logOff(@PathParam("agentId") UUID agentId, @Valid Requests.ChannelSelection body) {
        caller.requireSelfOrSupervisor(agentId);
        return myChannels.logOff(caller.tenantId(), agentId, selection(body));
    }

    @POST
    @Path("/{agentId}/channels/ready")
    public AgentStateView ready(@PathParam("agentId") UUID agentId, @Valid Requests.ChannelSelection body) {
        caller.requireSelf(agentId);
        return myChannels.ready(caller.tenantId(), agentId, selection(body));
    }

    @POST
    @Path("/{agentId}/channels/not-ready")
    public AgentStateView notReady(@PathParam("agentId") UUID agentId, @NotNull @Valid Requests.NotReady body) {
        caller.requireSelf(agentId);
        return myChannels.notReady(caller.tenantId(), agentId, body.parsed(), body.reasonCode());
    }

    @PUT
    @Path("/{agentId}/do-not-disturb")
    public AgentStateView doNotDisturb(@PathParam("agentId") UUID agentId,
                                       @NotNull @Valid Requests.DoNotDisturb body) {
        caller.requireSelf(agentId);
        return myChannels.switchDoNotDisturb(caller.tenantId(), agentId, body.enabled());
    }

    @PUT
    @Path("/{agentId}/forwarding")
    public AgentStateView forward(@PathParam("agentId") UUID agentId, @NotNull @Valid Requests.Forwarding body) {
        caller.requireSelf(agentId);
        return myChannels.forwardCallsTo(caller.tenantId(), agentId, body.extension());
    }

    @DELETE
    @Path("/{agentId}/forwarding")
    public AgentStateView clearForwarding(@PathParam("agentId") UUID agentId) {
        caller.requireSelf(agentId);
        return myChannels.clearForwarding(caller.tenantId(), agentId);
    }

    private static java.util.Set<io.switchboard.api.Channel> selection(Requests.ChannelSelection body) {
        return body == null ? java.util.Set.of() : body.parsed();
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("invalid-period",
                    "'" + name + "' must be an ISO-8601 instant such as 2026-11-21T09:00:00Z; got '" + value + "'.");
        }
    }
}
