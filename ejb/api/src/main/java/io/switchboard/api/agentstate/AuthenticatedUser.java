package io.switchboard.api.agentstate;

import java.util.Set;
import java.util.UUID;

/** Who signed in: the facts a token is issued for. */
public record AuthenticatedUser(UUID agentId, UUID tenantId, String tenantCode, String login, String displayName,
                                Set<String> roles) {
}
