package io.switchboard.interfaces.rest.routing;

import io.switchboard.api.routing.CustomerView;
import io.switchboard.interfaces.security.Caller;
import io.switchboard.routing.application.CustomerService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** Customers (contacts) as agents see them: every known phone number and email address, and their interactions. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.AGENT, Caller.SUPERVISOR, Caller.INTEGRATION})
public class CustomerResource {

    public record NewAddress(@NotBlank @Pattern(regexp = "(?i)phone|email|social") String kind,
                             @NotBlank @Size(max = 200) String address) {
    }

    @EJB
    CustomerService customers;

    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    public CustomerView get(@PathParam("id") UUID id) {
        return customers.get(caller.tenantId(), id);
    }

    /** Their latest interactions (at most 50), newest first: the workspace's "earlier interactions". */
    @GET
    @Path("/{id}/interactions")
    public java.util.List<io.switchboard.api.routing.CustomerInteraction> history(@PathParam("id") UUID id) {
        return customers.history(caller.tenantId(), id);
    }

    public record Name(@NotBlank @Size(max = 120) String name) {
    }

    /** Records the customer's name (templates greet them by it). */
    @jakarta.ws.rs.PUT
    @Path("/{id}/name")
    public CustomerView rename(@PathParam("id") UUID id, @NotNull @Valid Name body) {
        return customers.rename(caller.tenantId(), id, body.name());
    }

    @POST
    @Path("/{id}/addresses")
    public CustomerView addAddress(@PathParam("id") UUID id, @NotNull @Valid NewAddress body) {
        return customers.addAddress(caller.tenantId(), id, body.kind(), body.address());
    }
}
