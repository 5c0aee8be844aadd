package io.switchboard.api.routing;

/**
 * Lifecycle of an interaction: Queued → Offered → Active → Wrap-up → Done, or Abandoned while queued; an active
 * email or workitem can be Parked in a workbin and picked up again (Active).
 */
public enum InteractionState {
    QUEUED, OFFERED, ACTIVE, WRAP_UP, DONE, ABANDONED,
    /** Parked in a personal or team workbin (email, workitem): no agent holds it, it takes no capacity. */
    PARKED
}
