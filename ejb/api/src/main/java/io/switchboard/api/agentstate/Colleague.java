package io.switchboard.api.agentstate;

import java.util.UUID;

/** A colleague as the IM panel lists them: who, and their presence (with the reason when Not Ready). */
public record Colleague(UUID agentId, String login, String displayName, Presence presence, String reasonCode) {
}
