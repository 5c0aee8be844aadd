package io.switchboard.api.routing;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/** One of a customer's interactions, as the agent's workspace lists their history: no content, just what happened. */
public record CustomerInteraction(UUID interactionId, Channel channel, String queueName, InteractionState state,
                                  Instant queuedSince, Instant stateSince, String wrapUpCode) {
}
