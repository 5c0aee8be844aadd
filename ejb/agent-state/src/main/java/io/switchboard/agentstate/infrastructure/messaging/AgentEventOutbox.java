package io.switchboard.agentstate.infrastructure.messaging;

import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.json.EventJson;
import io.switchboard.persistence.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Writes every agent event to the outbox within the transaction that fired it (a plain, in-progress observer): the
 * row commits or rolls back with the change. {@link OutboxRelay} publishes it on the back-office topic.
 */
@ApplicationScoped
public class AgentEventOutbox {

    static final String TOPIC = "java:/jms/topic/SwitchboardAgentEvents";

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    EventJson json;

    /** Looked up once: {@code Json.createObjectBuilder()} runs a ServiceLoader lookup on every call. */
    private final JsonProvider jsonp = JsonProvider.provider();

    void record(@Observes AgentEvents fired) {
        fired.events().forEach(this::record);
    }

    private void record(AgentEvent event) {
        String properties = jsonp.createObjectBuilder()
                .add("eventId", event.eventId().toString())
                .add("eventType", event.type().name())
                .add("tenantId", event.tenantId().toString())
                .add("agentId", event.agentId().toString())
                .add("sequence", event.sequence())
                .build().toString();
        em.persist(new OutboxMessage(event.eventId(), TOPIC, json.toJson(event), properties, Instant.now()));
    }
}
