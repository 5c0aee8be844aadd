package io.switchboard.interfaces.rest.collaboration;

import jakarta.validation.constraints.AssertTrue;

import java.util.UUID;

/** Where to transfer an interaction: an agent or a queue, exactly one of the two. */
public record TransferRequest(UUID agentId, UUID queueId) {

    @AssertTrue(message = "name exactly one of agentId and queueId")
    public boolean isOneTarget() {
        return (agentId == null) != (queueId == null);
    }
}
