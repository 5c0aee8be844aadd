package io.switchboard.api.agentstate;

import io.switchboard.api.Channel;

import java.util.UUID;

/**
 * What routing tells agent state, in routing's own transaction: work started or ended on a channel. Implemented by
 * the agent-state context; routing depends on this contract only.
 */
public interface AgentWork {

    void startWork(UUID tenantId, UUID agentId, Channel channel);

    void endWork(UUID tenantId, UUID agentId, Channel channel);

    /** An offer on the channel went unanswered: a Ready channel goes to RONA (AS7); any other state stays. */
    void noAnswer(UUID tenantId, UUID agentId, Channel channel);

    /** A call ended in a queue with After-Call-Work: a Ready channel goes to ACW (a Not Ready one stays). */
    void startAfterCallWork(UUID tenantId, UUID agentId, Channel channel);

    /**
     * After-Call-Work ended: a channel still in ACW goes to {@code nextState} — READY, NOT_READY with
     * {@code reasonCode}, or MANUAL (stays until the agent chooses).
     */
    void endAfterCallWork(UUID tenantId, UUID agentId, Channel channel, String nextState, String reasonCode);
}
