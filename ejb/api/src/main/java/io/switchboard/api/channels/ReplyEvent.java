package io.switchboard.api.channels;

import java.util.UUID;

/**
 * A reply was queued or its send status changed; fired in the committing transaction and pushed after commit to the
 * agent who wrote it (their other tabs too), as {@code {"type":"REPLY_STATUS","reply":…}}.
 */
public record ReplyEvent(String type, UUID tenantId, UUID agentId, ReplyView reply) {

    public static ReplyEvent of(UUID tenantId, UUID agentId, ReplyView reply) {
        return new ReplyEvent("REPLY_STATUS", tenantId, agentId, reply);
    }
}
