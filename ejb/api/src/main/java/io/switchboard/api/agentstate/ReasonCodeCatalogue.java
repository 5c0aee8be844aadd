package io.switchboard.api.agentstate;

import java.util.UUID;

/**
 * Agent state's Not Ready reason codes, for other contexts that refer to one in their configuration (a queue's
 * next state after After-Call-Work). Implemented by the agent-state context.
 */
public interface ReasonCodeCatalogue {

    /**
     * Whether the code is an active reason code of the tenant. Holds a share lock on the reason's row until the
     * caller's transaction ends, so a concurrent retirement waits and then sees the new reference.
     */
    boolean isActiveAndHeld(UUID tenantId, String code);
}
