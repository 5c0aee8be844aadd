package io.switchboard.api.agentstate;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An agent's state intervals in a period, clipped to it, and the totals per channel, state and reason. */
public record TimeInStateView(UUID agentId, Instant from, Instant to, List<Interval> intervals, List<Total> totals) {

    public record Interval(Channel channel, ChannelState state, String reasonCode, Instant start, Instant end,
                           long seconds, boolean ongoing) {
    }

    public record Total(Channel channel, ChannelState state, String reasonCode, long seconds) {
    }
}
