package io.switchboard.routing.infrastructure;

import io.switchboard.api.json.EventJson;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import io.switchboard.persistence.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Writes every interaction event to the outbox in the transaction that fired it (topic for back office). */
@ApplicationScoped
public class InteractionEventOutbox {

    static final String TOPIC = "java:/jms/topic/SwitchboardInteractionEvents";

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    EventJson json;

    private final JsonProvider jsonp = JsonProvider.provider();

    void record(@Observes InteractionEvents fired) {
        fired.events().forEach(this::record);
    }

    private void record(InteractionEvent event) {
        var properties = jsonp.createObjectBuilder()
                .add("eventId", event.eventId().toString())
                .add("tenantId", event.tenantId().toString())
                .add("interactionId", event.interactionId().toString())
                .add("state", event.to().name());
        if (event.agentId() != null) {
            properties.add("agentId", event.agentId().toString());
        }
        em.persist(new OutboxMessage(event.eventId(), TOPIC, json.toJson(event), properties.build().toString(),
                event.occurredAt()));
    }
}
