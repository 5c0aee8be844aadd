package io.switchboard.api.json;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/**
 * The one JSON form of every event, used for WebSocket frames and JMS bodies alike, so a client and a back-office
 * consumer read the same document.
 */
@ApplicationScoped
public class EventJson {

    private final Jsonb jsonb = JsonbBuilder.create();

    public String toJson(Object event) {
        return jsonb.toJson(event);
    }

    @PreDestroy
    void close() throws Exception {
        jsonb.close();
    }
}
