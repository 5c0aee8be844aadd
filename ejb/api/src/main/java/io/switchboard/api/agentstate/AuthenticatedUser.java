package io.switchboard.api.agentstate;

import java.util.Set;
import java.util.UUID;

/**
 * Who signed in: the facts a token is issued for. {@code credentialVersion} goes into the token; a password change
 * or disabling the user raises the stored one, and the token stops working.
 */
public record AuthenticatedUser(UUID agentId, UUID tenantId, String tenantCode, String login, String displayName,
                                Set<String> roles, int credentialVersion) {
}
