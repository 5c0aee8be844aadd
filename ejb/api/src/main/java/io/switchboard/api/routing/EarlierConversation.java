package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * OB12: one of the customer's earlier conversations, shown as history in the one in hand — with its messages
 * ({@code content}, the channel's JSON content as in {@link InteractionView}), so the agent reads what was said.
 *
 * @param outbound whether an agent started it
 */
public record EarlierConversation(UUID interactionId, Channel channel, String queueName, InteractionState state,
                                  Instant queuedSince, Instant stateSince, String wrapUpCode, boolean outbound,
                                  String content) {
}
