package io.switchboard.api.agentstate;

import io.switchboard.api.Channel;

import java.time.Instant;

/** One assigned channel as "My Channels" shows it. {@code activeWork} is the derived busy/engaged view. */
public record ChannelStateView(Channel channel, ChannelState state, String reasonCode, Instant since,
                               int activeWork) {
}
