package io.switchboard.routing.application;

import io.switchboard.api.routing.InteractionView;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Turns interactions into the views the API returns; entities never leave the EJB layer. */
@Dependent
public class InteractionViews {

    @Inject
    RoutingRepository repository;

    public InteractionView of(Interaction i) {
        var queue = repository.queueOf(i);
        return new InteractionView(i.id(), i.channel(), i.queueId(), queue.name(), i.state(),
                i.agentId(), i.customerId(), i.customerAddress(), i.content(), i.queuedSince(), i.offerDeadline(),
                i.wrapUpCode(), i.afterCallWorkRunning(), i.afterCallWorkDeadline(), queue.wrapUpCodes(),
                queue.wrapUpRequired(), i.stateSince());
    }
}
