package io.switchboard.api.channels;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's reply to an email or SMS conversation as the agent sees it: to whom, what, and its send status; the
 * same shape is pushed (as {@code {"type":"REPLY_STATUS","reply":…}}) to the agent who wrote it at every change.
 * {@code reason} says why the last try failed (kept while it is retried), or why it was given up.
 */
public record ReplyView(UUID replyId, UUID interactionId, Channel channel, String to, String text,
                        ReplyStatus status, String reason, int attempts, Instant at, Instant updatedAt) {
}
