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
    FORCED_WRAP_UP
}
