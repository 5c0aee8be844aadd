package io.switchboard.agentstate.infrastructure.messaging;

import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.json.EventJson;
import io.switchboard.persistence.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Writes every agent event to the outbox within the transaction that fired it (a plain, in-progress observer): the
 * row commits or rolls back with the change. The shared relay ({@code io.switchboard.platform.outbox.OutboxRelay})
 * publishes it on the back-office topic.
 */
@ApplicationScoped
public class AgentEventOutbox {

    static final String TOPIC = "java:/jms/topic/SwitchboardAgentEvents";

    @Inject
    Outbox outbox;

    @Inject
    EventJson json;

    void record(@Observes AgentEvents fired) {
        for (AgentEvent event : fired.events()) {
            outbox.add(event.eventId(), TOPIC, json.toJson(event), Map.of(
                    "eventId", event.eventId(), "eventType", event.type(), "tenantId", event.tenantId(),
                    "agentId", event.agentId(), "sequence", event.sequence()), event.occurredAt());
        }
    }
}
