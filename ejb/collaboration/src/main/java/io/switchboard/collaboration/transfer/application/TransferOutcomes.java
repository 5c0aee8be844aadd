package io.switchboard.collaboration.transfer.application;

import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import io.switchboard.collaboration.transfer.infrastructure.Transfers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Set;

/**
 * Transfers that end because of something routing decided, in routing's transaction: the target left the channel
 * while it rang (WITHDRAWN), or the interaction ended under it — the customer left, a supervisor forced wrap-up
 * (ABORTED). Routing has already released its hold; the event names the target ({@code counterpartId}).
 */
@ApplicationScoped
public class TransferOutcomes {

    private static final Set<InteractionCause> ENDING_A_TRANSFER = EnumSet.of(InteractionCause.TRANSFER_WITHDRAWN,
            InteractionCause.CUSTOMER_LEFT, InteractionCause.FORCED_WRAP_UP);

    @Inject
    Transfers transfers;

    void interactionChanged(@Observes InteractionEvents fired) {
        for (InteractionEvent event : fired.events()) {
            if (event.counterpartId() != null && ENDING_A_TRANSFER.contains(event.cause())) {
                transfers.pendingOf(event.tenantId(), event.interactionId()).ifPresent(transfer -> {
                    if (event.cause() == InteractionCause.TRANSFER_WITHDRAWN) {
                        transfer.withdraw(event.occurredAt());
                    } else {
                        transfer.abort(event.actorId(), event.occurredAt());
                    }
                });
            }
        }
    }
}
