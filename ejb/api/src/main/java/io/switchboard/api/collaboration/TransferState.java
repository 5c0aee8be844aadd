package io.switchboard.api.collaboration;

/** Where a transfer stands; stable names, part of the API's JSON. */
public enum TransferState {
    /** Ringing for the target agent; the sender keeps the interaction meanwhile. */
    PENDING,
    /** The target took it; the sender wraps up. */
    ACCEPTED,
    /** The target declined; the interaction stayed with the sender. */
    REJECTED,
    /** The target did not answer in time; the interaction stayed with the sender. */
    TIMED_OUT,
    /** The sender or a supervisor called it off. */
    CANCELLED,
    /** The target logged off, went Not Ready or Do Not Disturb while it rang. */
    WITHDRAWN,
    /** The interaction ended while it rang (the customer left, a supervisor forced wrap-up). */
    ABORTED,
    /** Transferred into a queue: done at once, the sender wraps up. */
    QUEUED;

    public boolean isPending() {
        return this == PENDING;
    }
}
