package io.switchboard.routing.application;

import io.switchboard.api.routing.InteractionState;
import io.switchboard.api.routing.InteractionView;
import io.switchboard.api.routing.InteractionView.PendingTransfer;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.Participation;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** Turns interactions into the views the API returns; entities never leave the EJB layer. */
@Dependent
public class InteractionViews {

    @Inject
    RoutingRepository repository;

    /** The interaction as its holder, supervisors and integrations see it. */
    public InteractionView of(Interaction i) {
        var queue = repository.queueOf(i);
        return new InteractionView(i.id(), i.channel(), i.queueId(), queue.name(), i.state(),
                i.agentId(), i.customerId(), i.customerAddress(), i.content(), i.queuedSince(), i.offerDeadline(),
                i.wrapUpCode(), i.afterCallWorkRunning(), i.afterCallWorkDeadline(), queue.wrapUpCodes(),
                queue.wrapUpRequired(), i.stateSince(), pendingTransfer(i), null, conference(i));
    }

    /**
     * The interaction as an agent with a part in it sees it: a transfer ringing for them is an offer (with the
     * transfer's deadline); the wrap-up they owe after handing it over is a wrap-up, with their queue's codes.
     */
    public InteractionView of(Interaction i, Participation part) {
        if (part.kind() == Participation.Kind.CONFERENCED) {
            InteractionView held = of(i);
            return new InteractionView(held.interactionId(), held.channel(), held.queueId(), held.queueName(),
                    part.isOpen() ? held.state() : InteractionState.DONE, held.agentId(), held.customerId(),
                    held.customerAddress(), held.content(), held.queuedSince(), null, null, false, null, List.of(),
                    false, part.since(), held.transfer(), part.kind().name(), held.conference());
        }
        boolean offer = part.kind() == Participation.Kind.TRANSFER_OFFER;
        var queue = repository.queueOf(i);
        var codesFrom = offer ? queue : repository.queue(i.tenantId(), part.queueId());
        return new InteractionView(i.id(), i.channel(), i.queueId(), queue.name(),
                !part.isOpen() ? InteractionState.DONE : offer ? InteractionState.OFFERED : InteractionState.WRAP_UP,
                i.agentId(), i.customerId(), i.customerAddress(), i.content(), i.queuedSince(),
                offer ? i.transferDeadline() : null, part.wrapUpCode(), false, null, codesFrom.wrapUpCodes(),
                codesFrom.wrapUpRequired(), part.since(), pendingTransfer(i), part.kind().name(), List.of());
    }

    /** Colleagues in conference: only a live chat or call in progress can have them. */
    private List<UUID> conference(Interaction i) {
        if (!i.inConference()) {
            return List.of();
        }
        return repository.conferenceOf(i.id()).stream().map(Participation::agentId).toList();
    }

    private static PendingTransfer pendingTransfer(Interaction i) {
        return i.transferTargetId() == null ? null
                : new PendingTransfer(i.agentId(), i.transferTargetId(), i.transferDeadline());
    }
}
