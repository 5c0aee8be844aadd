package io.switchboard.api.routing;

import java.util.List;

/** The CDI event one routing command fires: its interaction events in order (see AgentEvents for why one payload). */
public record InteractionEvents(List<InteractionEvent> events) {

    public InteractionEvents {
        events = List.copyOf(events);
    }
}
