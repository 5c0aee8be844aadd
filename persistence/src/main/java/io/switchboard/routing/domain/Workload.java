package io.switchboard.routing.domain;

import io.switchboard.api.Channel;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The work an agent holds right now, read under the agent's row lock: how many interactions of each channel count
 * against capacity (offered, active or in wrap-up), and on which channels some are engaged (offered or active),
 * which is what blending rules look at.
 */
public record Workload(Map<Channel, Integer> held, Set<Channel> engaged) {

    public static final Workload NONE = new Workload(Map.of(), Set.of());

    public Workload {
        held = held.isEmpty() ? Map.of() : new EnumMap<>(held);
        engaged = engaged.isEmpty() ? Set.of() : EnumSet.copyOf(engaged);
    }

    public int heldOn(Channel channel) {
        return held.getOrDefault(channel, 0);
    }
}
