package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEventType;
import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.routing.InteractionCause;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An agent who leaves a channel — logs off (themselves or by a supervisor), goes Not Ready or Pending Not Ready, or
 * into RONA — takes back every offer outstanding to them on it, in the same transaction as the change: each goes back
 * to its place in the queue and is offered to someone else at once, instead of ringing a channel nobody answers
 * until its RONA deadline. Runs inside the agent command, which already holds the agent's row, so the offers are
 * locked in the lock order (agent, then interaction).
 */
@ApplicationScoped
public class AgentDepartures {

    private static final Set<ChannelState> NOT_TAKING_OFFERS = EnumSet.of(ChannelState.LOGGED_OUT,
            ChannelState.NOT_READY, ChannelState.PENDING_NOT_READY, ChannelState.RONA);

    @Inject
    RoutingCandidates candidates;

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingEngine engine;

    @Inject
    InteractionEventsFired events;

    @Inject
    TransferHolds holds;

    void agentChanged(@Observes AgentEvents changed) {
        List<InteractionEvent> fired = new ArrayList<>();
        Instant now = InteractionService.now();
        for (AgentEvent event : changed.events()) {
            if (event.channel() != null && NOT_TAKING_OFFERS.contains(event.to())) {
                for (UUID offered : candidates.lockOffers(event.agentId(), event.channel())) {
                    Interaction interaction = repository.claimed(offered);
                    fired.add(interaction.withdrawOffer(now));
                    fired.addAll(engine.offer(interaction, now));
                }
                withdrawTransfersTo(event.agentId(), event.channel(), now, fired);
            } else if (event.type() == AgentEventType.DND_CHANGED && event.doNotDisturb()) {
                // Do Not Disturb applies to every channel at once.
                withdrawTransfersTo(event.agentId(), null, now, fired);
            }
        }
        events.fire(fired);
    }

    /** A transfer ringing for them goes back to its sender, who never stopped holding it. */
    private void withdrawTransfersTo(UUID agentId, Channel channel, Instant now, List<InteractionEvent> fired) {
        for (UUID transferred : candidates.lockTransfersTo(agentId, channel)) {
            fired.add(holds.release(repository.claimed(transferred), InteractionCause.TRANSFER_WITHDRAWN, now));
        }
    }
}
