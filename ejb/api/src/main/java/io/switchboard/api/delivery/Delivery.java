package io.switchboard.api.delivery;

import java.util.Collection;
import java.util.UUID;

/**
 * The one way anything is pushed to connected users (events, IM): to the open sockets of some agents of a tenant,
 * optionally also to the tenant's observers (supervisors, admins). Sends never block the caller; a socket that
 * cannot keep up is closed, never waited for. This node's sockets only, today: the cluster makes delivery
 * cross-node here, in one place.
 */
public interface Delivery {

    /**
     * To these agents' sockets only (a private message); returns how many sockets took it, 0 when none of them is
     * connected to this node.
     */
    int toAgents(UUID tenantId, Collection<UUID> agentIds, String json);

    /** To these agents' sockets and the tenant's observers', each socket once. */
    void toAgentsAndObservers(UUID tenantId, Collection<UUID> agentIds, String json);
}
