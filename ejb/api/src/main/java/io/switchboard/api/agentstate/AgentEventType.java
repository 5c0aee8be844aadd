package io.switchboard.api.agentstate;

/** What an {@link AgentEvent} reports. */
public enum AgentEventType {
    /** A channel moved from one state (or reason) to another. */
    CHANNEL_STATE_CHANGED,
    /** Do-Not-Disturb was switched on or off (for all channels). */
    DND_CHANGED,
    /** Call forwarding was set or cleared. */
    FORWARDING_CHANGED
}
