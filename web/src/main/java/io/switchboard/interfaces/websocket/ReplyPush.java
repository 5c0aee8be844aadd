package io.switchboard.interfaces.websocket;

import io.switchboard.api.channels.ReplyEvent;
import io.switchboard.api.delivery.Delivery;
import io.switchboard.api.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.Set;

/** A reply's send status reaches the sockets of the agent who wrote it, after commit. */
@ApplicationScoped
public class ReplyPush {

    @Inject
    Delivery delivery;

    @Inject
    EventJson json;

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReplyEvent event) {
        delivery.toAgents(event.tenantId(), Set.of(event.agentId()), json.toJson(event));
    }
}
