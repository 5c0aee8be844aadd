package io.switchboard.api.routing;

import java.util.List;
import java.util.UUID;

/** A customer (contact): their name when known (null until recorded), every phone number, email address and handle the company knows, and their interactions. */
public record CustomerView(UUID customerId, String name, List<String> phoneNumbers, List<String> emailAddresses,
                           List<String> socialHandles, List<UUID> interactionIds) {
}
