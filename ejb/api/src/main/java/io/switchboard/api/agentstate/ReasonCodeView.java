package io.switchboard.api.agentstate;

/** A tenant's Not Ready reason. */
public record ReasonCodeView(String code, String label, boolean active) {
}
