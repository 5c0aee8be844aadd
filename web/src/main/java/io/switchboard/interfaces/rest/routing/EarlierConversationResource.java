package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.routing.EarlierConversation;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.application.CustomerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** OB12: the customer's earlier conversations, with what was said, as history in the one in hand. */
@Path("/interactions/{interactionId}/earlier")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR})
public class EarlierConversationResource {

    @EJB
    CustomerService customers;

    @Inject
    Caller caller;

    @GET
    public List<EarlierConversation> earlier(@PathParam("interactionId") UUID interactionId) {
        return customers.earlier(caller.tenantId(), caller.agentId(), caller.is(Caller.SUPERVISOR), interactionId);
    }
}
