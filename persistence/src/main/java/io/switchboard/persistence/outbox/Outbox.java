package io.switchboard.persistence.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Stores an event bound for JMS in the current transaction; the relay publishes it after commit. */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    /** Looked up once: {@code Json.createObjectBuilder()} runs a ServiceLoader lookup on every call. */
    private final JsonProvider jsonp = JsonProvider.provider();

    /**
     * @param destination JNDI name of the JMS destination
     * @param properties  JMS message properties (numbers become long properties, the rest strings; nulls are left
     *                    out) so consumers can filter with selectors
     */
    public void add(UUID eventId, String destination, String payload, Map<String, ?> properties, Instant at) {
        JsonObjectBuilder json = jsonp.createObjectBuilder();
        properties.forEach((name, value) -> {
            if (value instanceof Number number) {
                json.add(name, number.longValue());
            } else if (value != null) {
                json.add(name, value.toString());
            }
        });
        em.persist(new OutboxMessage(eventId, destination, payload, json.build().toString(), at));
    }
}
