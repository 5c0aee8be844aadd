package io.switchboard.api.agentstate;

/** The agent's licence; Premium unlocks digital outbound (used by the outbound context). */
public enum LicenceTier {
    STANDARD, PREMIUM
}
