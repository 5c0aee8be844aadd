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
 * (it was created, rejected, timed out or withdrawn), and an agent looks for work (they went Ready or finished
 * something). Either way an agent with room always gets the oldest eligible waiting work first (highest queue
 * priority, then arrival): an interaction looking for an agent fills that agent in that order, and is offered only
 * when it is next in line for them — so a new interaction never overtakes an older one the same agent could take,
 * whichever event made the room or brought the work. Candidate agents are locked with SKIP LOCKED (against the
 * agent-then-interaction lock order, so never waiting); see docs/architecture.md for the lock order.
 */
@Dependent
public class RoutingEngine {

    private static final int CANDIDATES = 20;

    @Inject
    RoutingCandidates candidates;

    @Inject
    RoutingRepository repository;

    /**
     * Looks for an agent for a queued interaction (already locked by the caller): the least loaded, longest free
     * candidate with room is filled, oldest work first, until the interaction is offered or no candidate is left.
     *
     * @return every offer made, to whichever interactions were next in line
     */
    public List<InteractionEvent> offer(Interaction interaction, Instant now) {
        List<InteractionEvent> offers = new ArrayList<>();
        for (UUID agent : candidates.readyMembers(interaction.tenantId(), interaction.queueId(), interaction.id(),
                interaction.channel(), CANDIDATES)) {
            if (candidates.tryLockAgent(agent) && fillUntilOffered(interaction, agent, offers, now)) {
                break;
            }
        }
        return offers;
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
        return fillLocked(tenantId, agentId, now);
    }

    /**
     * Offers the agent (locked) what waits for them, oldest first, until {@code interaction} itself is offered (true)
     * or nothing more fits (false). Usually the first claim is the interaction itself: one round.
     */
    private boolean fillUntilOffered(Interaction interaction, UUID agentId, List<InteractionEvent> offers,
                                     Instant now) {
        Optional<UUID> next;
        while ((next = candidates.claimNextFor(interaction.tenantId(), agentId)).isPresent()) {
            Interaction claimed = repository.claimed(next.get());
            RoutingQueue queue = repository.queueOf(claimed);
            offers.add(claimed.offerTo(agentId, now.plusSeconds(queue.ronaTimeoutSeconds()), now));
            if (claimed == interaction) {
                return true;
            }
        }
        return false;
    }

    private List<InteractionEvent> fillLocked(UUID tenantId, UUID agentId, Instant now) {
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
