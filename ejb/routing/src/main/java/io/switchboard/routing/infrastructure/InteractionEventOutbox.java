package io.switchboard.routing.infrastructure;

import io.switchboard.api.json.EventJson;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import io.switchboard.persistence.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;

/** Writes every interaction event to the outbox in the transaction that fired it (topic for back office). */
@ApplicationScoped
public class InteractionEventOutbox {

    static final String TOPIC = "java:/jms/topic/SwitchboardInteractionEvents";

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    void record(@Observes InteractionEvents fired) {
        for (InteractionEvent event : fired.events()) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("eventId", event.eventId());
            properties.put("tenantId", event.tenantId());
            properties.put("interactionId", event.interactionId());
            properties.put("state", event.to());
            properties.put("agentId", event.agentId());
            outbox.add(event.eventId(), TOPIC, json.toJson(event), properties, event.occurredAt());
        }
    }
}
