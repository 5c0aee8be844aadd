package io.switchboard.routing.application;

import io.switchboard.api.routing.CustomerView;
import io.switchboard.routing.domain.CustomerAddress;
import io.switchboard.routing.infrastructure.Customers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.UUID;

/** Customers (contacts): what the company knows of one, and the addresses agents add. */
@Stateless
@jakarta.ejb.LocalBean
@jakarta.ejb.Local(io.switchboard.api.routing.CustomerDirectory.class)
public class CustomerService implements io.switchboard.api.routing.CustomerDirectory {

    @Inject
    Customers customers;

    @jakarta.ejb.EJB
    io.switchboard.api.routing.Conversations conversations;

    public CustomerView get(UUID tenantId, UUID customerId) {
        return customers.view(tenantId, customerId);
    }

    /** The customer's latest interactions (at most 50), newest first. */
    public java.util.List<io.switchboard.api.routing.CustomerInteraction> history(UUID tenantId, UUID customerId) {
        return customers.history(tenantId, customerId, 50);
    }

    /**
     * Records the customer's name: 1 to 120 characters after surrounding blanks are trimmed, no control characters
     * (refused otherwise).
     */
    public CustomerView rename(UUID tenantId, UUID customerId, String name) {
        String given = name == null ? "" : name.strip();
        if (given.isEmpty() || given.length() > 120 || given.codePoints().anyMatch(Character::isISOControl)) {
            throw new io.switchboard.api.error.InvalidRequestException("customer-name-invalid",
                    "A customer's name has 1 to 120 characters and no control characters.");
        }
        customers.rename(tenantId, customerId, given);
        return customers.view(tenantId, customerId);
    }

    @Override
    public java.util.Optional<String> nameAt(UUID tenantId, io.switchboard.api.Channel channel, String address) {
        try {
            return customers.nameAt(tenantId, CustomerAddress.onChannel(channel, address));
        } catch (io.switchboard.api.error.InvalidRequestException notAnAddress) {
            return java.util.Optional.empty();
        }
    }

    /**
     * OB12: the customer's earlier conversations (at most 20, newest first, with what was said), for whoever may
     * read the one in hand: its holder, an agent with a part in it, a supervisor.
     */
    public java.util.List<io.switchboard.api.routing.EarlierConversation> earlier(UUID tenantId, UUID agentId,
                                                                                  boolean supervisor,
                                                                                  UUID interactionId) {
        if (!conversations.readableBy(tenantId, agentId, supervisor, interactionId)) {
            throw new io.switchboard.api.error.AccessDeniedException("Only the agent who has interaction "
                    + interactionId + " (or a supervisor) can read its customer's earlier conversations.");
        }
        return customers.earlier(tenantId, interactionId, 20);
    }

    /** @param kind {@code phone}, {@code email} or {@code social} */
    public CustomerView addAddress(UUID tenantId, UUID customerId, String kind, String address) {
        customers.addAddress(tenantId, customerId,
                CustomerAddress.of(CustomerAddress.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), address));
        return customers.view(tenantId, customerId);
    }
}
