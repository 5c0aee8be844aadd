package io.switchboard.routing.application;

import io.switchboard.api.routing.CustomerView;
import io.switchboard.routing.domain.CustomerAddress;
import io.switchboard.routing.infrastructure.Customers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/** Customers (contacts): what the company knows of one, and the addresses agents add. */
@Stateless
public class CustomerService {

    @Inject
    Customers customers;

    public CustomerView get(UUID tenantId, UUID customerId) {
        return customers.view(tenantId, customerId);
    }

    /** The customer's latest interactions (at most 50), newest first. */
    public java.util.List<io.switchboard.api.routing.CustomerInteraction> history(UUID tenantId, UUID customerId) {
        return customers.history(tenantId, customerId, 50);
    }

    /** @param kind {@code phone}, {@code email} or {@code social} */
    public CustomerView addAddress(UUID tenantId, UUID customerId, String kind, String address) {
        customers.addAddress(tenantId, customerId,
                CustomerAddress.of(CustomerAddress.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), address));
        return customers.view(tenantId, customerId);
    }
}
