package io.switchboard.interfaces.rest.collaboration;

import io.switchboard.api.collaboration.ConsultationView;
import io.switchboard.collaboration.consultation.application.ConsultationService;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/**
 * Consultations (CO1) the signed-in agent is a party to: read them, write in them, close them. Opening one is
 * {@code POST /api/interactions/{id}/consultations}.
 */
@Path("/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class ConsultationResource {

    /** 1 to 2,000 characters of plain text. */
    public record Message(@NotNull String text) {
    }

    @EJB
    ConsultationService consultations;

    @Inject
    Caller caller;

    /** My open consultations, as the agent who asked or the colleague asked, with their messages. */
    @GET
    public List<ConsultationView> mine() {
        return consultations.mine(caller.tenantId(), caller.agentId());
    }

    @GET
    @Path("/{id}")
    public ConsultationView one(@PathParam("id") UUID id) {
        return consultations.get(caller.tenantId(), caller.agentId(), id);
    }

    @POST
    @Path("/{id}/messages")
    public ConsultationView say(@PathParam("id") UUID id, @Valid @NotNull Message message) {
        return consultations.say(caller.tenantId(), caller.agentId(), id, message.text());
    }

    /** The agent who asked invites the colleague to join the conversation with the customer (CO2). */
    @POST
    @Path("/{id}/invite")
    public ConsultationView invite(@PathParam("id") UUID id) {
        return consultations.invite(caller.tenantId(), caller.agentId(), id);
    }

    /** The invited colleague joins the conversation: a conference. */
    @POST
    @Path("/{id}/join")
    public ConsultationView join(@PathParam("id") UUID id) {
        return consultations.join(caller.tenantId(), caller.agentId(), id);
    }

    @POST
    @Path("/{id}/close")
    public ConsultationView close(@PathParam("id") UUID id) {
        return consultations.close(caller.tenantId(), caller.agentId(), id);
    }
}
