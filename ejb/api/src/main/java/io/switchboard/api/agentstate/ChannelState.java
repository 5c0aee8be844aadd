package io.switchboard.api.agentstate;

/** The state of one agent on one channel ("My Channels"). */
public enum ChannelState {
    LOGGED_OUT, NOT_READY, READY, AFTER_CALL_WORK, RONA, PENDING_NOT_READY
}
