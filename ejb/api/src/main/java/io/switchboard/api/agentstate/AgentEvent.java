package io.switchboard.api.agentstate;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of an agent's state, fired as a CDI event by the agent-state context and, after commit, pushed to the
 * agent's WebSocket sessions and supervisors and published on the JMS topic for back-office systems.
 *
 * @param eventId             unique id; consumers de-duplicate on it
 * @param sequence            per-agent, gap-free and increasing in commit order; consumers order on it
 * @param channel             the channel for {@link AgentEventType#CHANNEL_STATE_CHANGED}, otherwise null
 * @param from                previous channel state, null unless a channel changed
 * @param to                  new channel state, null unless a channel changed
 * @param reasonCode          the Not Ready reason of the new state (also of Pending Not Ready), or null
 * @param doNotDisturb        the agent's DND switch after this change
 * @param forwardingExtension the agent's forwarding target after this change, or null
 */
public record AgentEvent(
        UUID eventId,
        AgentEventType type,
        UUID tenantId,
        UUID agentId,
        String agentLogin,
        long sequence,
        Channel channel,
        ChannelState from,
        ChannelState to,
        String reasonCode,
        boolean doNotDisturb,
        String forwardingExtension,
        Instant occurredAt) {
}
