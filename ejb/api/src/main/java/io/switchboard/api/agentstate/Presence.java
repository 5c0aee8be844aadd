package io.switchboard.api.agentstate;

/**
 * What colleagues see of an agent, derived from their channels' states: {@code OFFLINE} (every channel logged off),
 * {@code BUSY} (work in hand or After-Call-Work on any channel), {@code AVAILABLE} (Ready on a channel), otherwise
 * {@code NOT_READY}.
 */
public enum Presence {
    AVAILABLE, BUSY, NOT_READY, OFFLINE
}
