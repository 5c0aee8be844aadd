package io.switchboard.interfaces.rest.agentstate;

import io.switchboard.agentstate.application.AgentWorkService;
import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentStateView;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/**
 * Work notifications for integrations (role {@code integration}): what the routing context will report in-process
 * once it exists — work started and ended on a channel, After-Call-Work, RONA.
 */
@Path("/integration/agents/{agentId}/channels/{channel}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.INTEGRATION)
public class AgentWorkResource {

    @EJB
    AgentWorkService work;

    @Inject
    Caller caller;

    @POST
    @Path("/work-started")
    public AgentStateView workStarted(@PathParam("agentId") UUID agentId, @PathParam("channel") String channel) {
        return work.workStarted(caller.tenantId(), agentId, Channel.parse(channel));
    }

    @POST
    @Path("/work-ended")
    public AgentStateView workEnded(@PathParam("agentId") UUID agentId, @PathParam("channel") String channel) {
        return work.workEnded(caller.tenantId(), agentId, Channel.parse(channel));
    }

    @POST
    @Path("/after-call-work")
    public AgentStateView afterCallWork(@PathParam("agentId") UUID agentId, @PathParam("channel") String channel) {
        return work.beginAfterCallWork(caller.tenantId(), agentId, Channel.parse(channel));
    }

    @POST
    @Path("/rona")
    public AgentStateView rona(@PathParam("agentId") UUID agentId, @PathParam("channel") String channel) {
        return work.redirectOnNoAnswer(caller.tenantId(), agentId, Channel.parse(channel));
    }
}
