package io.switchboard.agentstate.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.ChannelState;

import java.time.Instant;

/** A channel's move from one state (and reason) to another: ends one recorded interval, starts the next. */
public record ChannelTransition(Channel channel, ChannelState from, String fromReason, Instant fromSince,
                                ChannelState to, String toReason, Instant at) {
}
