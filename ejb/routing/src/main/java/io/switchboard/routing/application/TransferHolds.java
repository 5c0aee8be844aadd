package io.switchboard.routing.application;

import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The two halves of a pending transfer kept together: the hold on the interaction and the offer ringing for the
 * target. Whoever ends one (an answer, a timeout, the target leaving, the interaction ending) ends the other here.
 */
@Dependent
public class TransferHolds {

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingCandidates candidates;

    @Inject
    RoutingEngine engine;

    /** The transfer ends without moving the interaction (locked by the caller); the target's offer stops ringing. */
    public InteractionEvent release(Interaction interaction, InteractionCause why, Instant now) {
        UUID target = interaction.transferTargetId();
        InteractionEvent released = interaction.releaseTransfer(why, now);
        stopRinging(interaction.id(), target, now);
        return released;
    }

    /**
     * After the interaction ended with a transfer pending (the event names the target): its offer stops too, and the
     * target's freed room goes to waiting work at once if their row is free (never waited for: the caller holds the
     * interaction; otherwise the sweeper fills them within a second).
     */
    public List<InteractionEvent> calledOff(InteractionEvent ended, Instant now) {
        UUID target = ended.counterpartId();
        if (target == null) {
            return List.of();
        }
        stopRinging(ended.interactionId(), target, now);
        return candidates.tryLockAgent(target) ? engine.fill(ended.tenantId(), target, now) : List.of();
    }

    void stopRinging(UUID interactionId, UUID target, Instant now) {
        repository.openParticipation(interactionId, target).ifPresent(offer -> offer.endOffer(now));
    }
}
