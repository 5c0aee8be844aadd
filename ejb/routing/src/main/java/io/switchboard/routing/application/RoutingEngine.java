package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.RoutingQueue;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides who gets what (IX2), inside the caller's transaction. Two entry points: an interaction looks for an agent
 * (it was created, rejected or timed out), and an agent looks for work (they went Ready or finished something).
 * Locks are always taken agent first and interactions with SKIP LOCKED, or the interaction first and agents with
 * SKIP LOCKED, so routers never deadlock.
 */
@Dependent
public class RoutingEngine {

    private static final int CANDIDATES = 20;

    @Inject
    RoutingCandidates candidates;

    @Inject
    RoutingRepository repository;

    /** Offers a queued interaction (already locked by the caller) to the longest-idle agent who can take it. */
    public Optional<InteractionEvent> offer(Interaction interaction, Instant now) {
        RoutingQueue queue = repository.queueOf(interaction);
        for (UUID agent : candidates.readyMembers(interaction.tenantId(), queue.id(), interaction.channel(),
                CANDIDATES)) {
            if (!interaction.isSkipped(agent) && candidates.tryLockAgent(agent)
                    && candidates.canTake(agent, interaction.channel())) {
                return Optional.of(interaction.offerTo(agent, now.plusSeconds(queue.ronaTimeoutSeconds()), now));
            }
        }
        return Optional.empty();
    }

    /**
     * After the agent ended work on {@code channel}: it still counts against capacity (wrap-up), so only a blending
     * rule it triggered can have freed anything; fills the agent then, and costs nothing otherwise.
     */
    public List<InteractionEvent> fillAfterEnding(UUID tenantId, UUID agentId, Channel channel, Instant now) {
        return candidates.profileOf(agentId).blocksWhileEngagedOn(channel) ? fill(tenantId, agentId, now) : List.of();
    }

    /** Fills the agent's free capacity with the waiting interactions they should get next. */
    public List<InteractionEvent> fill(UUID tenantId, UUID agentId, Instant now) {
        candidates.lockAgent(agentId);
        List<InteractionEvent> offers = new ArrayList<>();
        Optional<UUID> next;
        while ((next = candidates.claimNextFor(tenantId, agentId)).isPresent()) {
            Interaction interaction = repository.claimed(next.get());
            RoutingQueue queue = repository.queueOf(interaction);
            offers.add(interaction.offerTo(agentId, now.plusSeconds(queue.ronaTimeoutSeconds()), now));
        }
        return offers;
    }
}
