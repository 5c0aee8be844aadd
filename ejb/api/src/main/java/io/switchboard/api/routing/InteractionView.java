package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * An interaction as agents and integrations see it; {@code content} is the channel's JSON content.
 * {@code afterCallWork} tells whether the call's ACW is running; its deadline is null when it runs until Done.
 * {@code wrapUpCodes} are the queue's codes to pick from at Done, {@code wrapUpRequired} whether one must be picked.
 * {@code stateSince} is when it entered its current state. {@code transfer} is the transfer to an agent pending on it
 * (null when none). {@code part} is the caller's part when they do not hold it: {@code TRANSFER_OFFER} (a transfer
 * rings for them; {@code state} is then OFFERED and {@code offerDeadline} its deadline) or {@code HANDED_OVER} (they
 * transferred it and owe its wrap-up; {@code state} is then WRAP_UP with their queue's codes) or {@code CONFERENCED}
 * (they joined its chat or call next to its holder); null for its holder. {@code conference} lists the colleagues in
 * conference with the holder (empty when none).
 */
public record InteractionView(UUID interactionId, Channel channel, UUID queueId, String queueName,
                              InteractionState state, UUID agentId, UUID customerId, String customerAddress,
                              String content,
                              Instant queuedSince, Instant offerDeadline, String wrapUpCode,
                              boolean afterCallWork, Instant afterCallWorkDeadline,
                              java.util.List<String> wrapUpCodes, boolean wrapUpRequired, Instant stateSince,
                              PendingTransfer transfer, String part, java.util.List<UUID> conference) {

    /** A transfer to an agent waiting for them to accept: the holder keeps it until then and cannot end it. */
    public record PendingTransfer(UUID senderId, UUID targetId, Instant deadline) {
    }
}
