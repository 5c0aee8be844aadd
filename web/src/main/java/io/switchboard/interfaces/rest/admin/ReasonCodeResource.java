package io.switchboard.interfaces.rest.admin;

import io.switchboard.agentstate.application.TenantConfigurationService;
import io.switchboard.api.agentstate.ReasonCodeView;
import io.switchboard.interfaces.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The tenant's Not Ready reason codes, for everyone who picks one. */
@Path("/reason-codes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR, Caller.ADMIN})
public class ReasonCodeResource {

    @EJB
    TenantConfigurationService configuration;

    @Inject
    Caller caller;

    @GET
    public List<ReasonCodeView> all() {
        return configuration.reasonCodes(caller.tenantId());
    }
}
