package io.switchboard.routing.application;

import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.List;

/** Fires one routing command's events as one CDI payload; observers after commit see them in order. */
@Dependent
public class InteractionEventsFired {

    @Inject
    Event<InteractionEvents> events;

    public void fire(List<InteractionEvent> fired) {
        if (!fired.isEmpty()) {
            events.fire(new InteractionEvents(fired));
        }
    }
}
