package io.switchboard.api.agentstate;

import java.util.List;

/**
 * The CDI event one agent-state command fires: every {@link AgentEvent} it made, in sequence order. One payload per
 * command (not one per event) because after-commit observers of separate events are not called in firing order,
 * and clients must receive an agent's events in order.
 */
public record AgentEvents(List<AgentEvent> events) {

    public AgentEvents {
        events = List.copyOf(events);
    }
}
