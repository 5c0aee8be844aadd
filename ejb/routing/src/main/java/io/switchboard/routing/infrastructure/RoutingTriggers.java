package io.switchboard.routing.infrastructure;

import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.routing.application.InteractionService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An agent who went Ready may get waiting work at once: after the state change commits, routing runs for that agent
 * in a transaction of its own (a managed task), so the agent's own request never waits for routing.
 */
@ApplicationScoped
public class RoutingTriggers {

    private static final Logger LOG = Logger.getLogger(RoutingTriggers.class.getName());

    @EJB
    InteractionService interactions;

    @Resource
    ManagedExecutorService executor;

    void agentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentEvents committed) {
        committed.events().stream().filter(event -> event.to() == ChannelState.READY).findFirst()
                .ifPresent(ready -> executor.execute(() -> {
                    try {
                        interactions.fillAgent(ready.tenantId(), ready.agentId());
                    } catch (RuntimeException e) {
                        // The sweeper offers waiting interactions again within a second.
                        LOG.log(Level.FINE, "Routing after Ready failed for agent " + ready.agentId(), e);
                    }
                }));
    }
}
