package io.switchboard.api.agentstate;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An agent's whole state: every assigned channel (and only those), DND and forwarding. */
public record AgentStateView(UUID agentId, String login, String displayName, String extension, String licenceTier,
                             Set<String> roles, boolean doNotDisturb, String forwardingExtension, long eventSequence,
                             List<ChannelStateView> channels) {
}
