package io.switchboard.api.routing;

/** Why an interaction changed; stable names, part of the WebSocket and JMS event JSON. */
public enum InteractionCause {
    /** Entered its queue through an entry point. */
    CREATED,
    /** Routing offered it to an agent. */
    OFFERED,
    ACCEPTED,
    /** The agent declined the offer; it went back to its place in the queue. */
    REJECTED,
    /** The offer was not answered before its deadline (RONA). */
    NO_ANSWER,
    /** The agent logged off the channel, went Not Ready or into RONA: the offer went back to its place. */
    AGENT_LEFT,
    /** The agent ended it (call hung up, chat closed); wrap-up follows. */
    ENDED,
    /** The customer left: while waiting or ringing it is abandoned; while in progress it ends into wrap-up. */
    CUSTOMER_LEFT,
    DONE,
    PARKED,
    PICKED_UP,
    /** Moved from one workbin to another. */
    WORKBIN_MOVED,
    /** A chat message joined the transcript. */
    MESSAGE,
    ACW_EXTENDED,
    /** The call's After-Call-Work deadline passed. */
    ACW_ENDED,
    /** A supervisor ended it on the agent's behalf (work stuck in the agent's hands); wrap-up follows. */
    FORCED_WRAP_UP,
    /** Its holder (or a supervisor for them) asked to transfer it to another agent, whose offer now rings. */
    TRANSFER_REQUESTED,
    /** The transfer's target accepted: the interaction is theirs; the sender wraps up. */
    TRANSFERRED,
    /** The target declined the transfer; the interaction stays with the sender. */
    TRANSFER_REJECTED,
    /** The target did not answer the transfer in time; the interaction stays with the sender. */
    TRANSFER_TIMED_OUT,
    /** The sender (or a supervisor) called the transfer off before the target accepted. */
    TRANSFER_CANCELLED,
    /** The target logged off, went Not Ready or Do Not Disturb while the transfer rang; it stays with the sender. */
    TRANSFER_WITHDRAWN,
    /** Transferred into a queue: it waits there again and the sender wraps up. */
    TRANSFERRED_TO_QUEUE,
    /** The agent who handed it over finished their wrap-up (with a code when one was given). */
    HANDOVER_DONE,
    /** A colleague joined the chat or call next to its holder (the event names them). */
    CONFERENCE_JOINED,
    /** A colleague left the conference (the event names them); the holder keeps it. */
    CONFERENCE_LEFT,
    /** The holder left the conference: it is the remaining colleague's now, and the former holder wraps up. */
    CONFERENCE_HANDED_OVER,
    /** An agent started it (an outbound SMS or email conversation): theirs at once, accepted by starting it. */
    OUTBOUND_STARTED
}
