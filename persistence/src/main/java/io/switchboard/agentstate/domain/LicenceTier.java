package io.switchboard.agentstate.domain;

/** The agent's licence; Premium unlocks digital outbound (used by the outbound context). */
public enum LicenceTier {
    STANDARD, PREMIUM
}
