package io.switchboard.interfaces.websocket;

import io.switchboard.api.collaboration.ConsultationEvent;
import io.switchboard.api.delivery.Delivery;
import io.switchboard.api.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * A consultation's changes reach its two parties' sockets after commit, and no one else's: not supervisors' boards,
 * since a consultation is a private exchange (its parties' names are on the board through their work anyway).
 */
@ApplicationScoped
public class ConsultationPush {

    @Inject
    Delivery delivery;

    @Inject
    EventJson json;

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConsultationEvent event) {
        delivery.toAgents(event.tenantId(), event.parties(), json.toJson(event));
    }
}
