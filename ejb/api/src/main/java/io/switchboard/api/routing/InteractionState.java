package io.switchboard.api.routing;

/** Lifecycle of an interaction: Queued → Offered → Active → Wrap-up → Done, or Abandoned while queued. */
public enum InteractionState {
    QUEUED, OFFERED, ACTIVE, WRAP_UP, DONE, ABANDONED
}
