package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.util.Optional;
import java.util.UUID;

/** What other contexts read about customers: the outbound context greets one by name in a template (OB7). */
public interface CustomerDirectory {

    /** The recorded name of the customer who has this address on this channel; empty when unknown or unnamed. */
    Optional<String> nameAt(UUID tenantId, Channel channel, String address);
}
