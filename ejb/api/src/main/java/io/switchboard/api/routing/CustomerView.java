package io.switchboard.api.routing;

import java.util.List;
import java.util.UUID;

/** A customer (contact): every phone number, email address and handle the company knows, and their interactions. */
public record CustomerView(UUID customerId, List<String> phoneNumbers, List<String> emailAddresses,
                           List<String> socialHandles, List<UUID> interactionIds) {
}
