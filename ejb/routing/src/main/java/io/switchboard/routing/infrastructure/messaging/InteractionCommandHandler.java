package io.switchboard.routing.infrastructure.messaging;

import io.switchboard.routing.application.InteractionService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Creates the interaction a JMS command asks for in a transaction of its own. A refused command rolls back only
 * this transaction, so the listener's — the one that consumes the message — can still commit the message to the
 * dead-letter queue.
 */
@Stateless
public class InteractionCommandHandler {

    @EJB
    InteractionService interactions;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void create(String tenantCode, InteractionService.NewInteraction request) {
        interactions.create(tenantCode, request);
    }
}
