package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * An interaction as agents and integrations see it; {@code content} is the channel's JSON content.
 * {@code afterCallWork} tells whether the call's ACW is running; its deadline is null when it runs until Done.
 * {@code wrapUpCodes} are the queue's codes to pick from at Done, {@code wrapUpRequired} whether one must be picked.
 * {@code stateSince} is when it entered its current state.
 */
public record InteractionView(UUID interactionId, Channel channel, UUID queueId, String queueName,
                              InteractionState state, UUID agentId, UUID customerId, String customerAddress,
                              String content,
                              Instant queuedSince, Instant offerDeadline, String wrapUpCode,
                              boolean afterCallWork, Instant afterCallWorkDeadline,
                              java.util.List<String> wrapUpCodes, boolean wrapUpRequired, Instant stateSince) {
}
