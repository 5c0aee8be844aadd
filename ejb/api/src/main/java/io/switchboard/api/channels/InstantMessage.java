package io.switchboard.api.channels;

import java.time.Instant;
import java.util.UUID;

/**
 * An IM between colleagues as it is delivered to both of their sockets ({@code "type":"IM"}). It exists only on its
 * way: never stored, logged or published.
 */
public record InstantMessage(String type, UUID messageId, UUID from, String fromName, UUID to, String toName,
                             String text, Instant sentAt) {

    public InstantMessage(UUID messageId, UUID from, String fromName, UUID to, String toName, String text,
                          Instant sentAt) {
        this("IM", messageId, from, fromName, to, toName, text, sentAt);
    }
}
