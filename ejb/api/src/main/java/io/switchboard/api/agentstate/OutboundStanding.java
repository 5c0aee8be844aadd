package io.switchboard.api.agentstate;

/**
 * What decides, on agent state's side, whether an agent may start an outbound conversation on a channel (OB1): the
 * tenant's digital channels are on, the agent's licence, and their state on that channel (Ready or RONA, whatever
 * else they are doing).
 */
public record OutboundStanding(boolean digitalChannelsEnabled, LicenceTier licence, ChannelState state) {
}
