package io.switchboard.interfaces.websocket;

import io.switchboard.api.delivery.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.UUID;

/**
 * The delivery port on this node's sockets: each frame is queued on each recipient's {@link PushSocket}, which sends
 * asynchronously (a socket that falls behind is closed, never waited for).
 */
@ApplicationScoped
public class SocketDelivery implements Delivery {

    @Inject
    AgentEventSessions sessions;

    @Override
    public int toAgents(UUID tenantId, Collection<UUID> agentIds, String json) {
        int took = 0;
        for (PushSocket socket : sessions.socketsOf(tenantId, agentIds)) {
            took += socket.offer(json) ? 1 : 0;   // a closed or hopelessly behind socket did not take it
        }
        return took;
    }

    @Override
    public void toAgentsAndObservers(UUID tenantId, Collection<UUID> agentIds, String json) {
        sessions.recipientsOf(tenantId, agentIds).forEach(socket -> socket.offer(json));
    }
}
