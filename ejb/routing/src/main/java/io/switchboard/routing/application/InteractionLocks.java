package io.switchboard.routing.application;

import io.switchboard.api.error.ConflictException;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The lock order for a change that touches the work of several agents (a transfer, a conference, the end of a
 * conversation several agents are in): every agent concerned in ascending id order, then the interaction. Agent
 * commands take their agent's row first too, so no two transactions ever wait on each other in a cycle.
 */
@Dependent
public class InteractionLocks {

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingCandidates candidates;

    /**
     * Locks every agent the interaction concerns and {@code acting} (either may be null), ascending, then the
     * interaction. Whatever changed meanwhile, the call goes on when every agent it concerns now was among those
     * locked — the domain then refuses what no longer applies — and is refused as retryable otherwise, since waiting
     * for a new agent's row while holding the interaction would break the lock order. {@code refusePending}: a
     * transfer another request just put on it is reported as such.
     */
    public Interaction lockConcerned(UUID tenantId, UUID interactionId, UUID acting, boolean refusePending) {
        Set<UUID> before = repository.agentsConcerned(tenantId, interactionId);
        List<UUID> locked = Stream.concat(before.stream(), Stream.ofNullable(acting)).distinct().sorted().toList();
        for (UUID agent : locked) {
            candidates.lockAgent(agent);
        }
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        if (refusePending && interaction.transferTargetId() != null
                && !locked.contains(interaction.transferTargetId())) {
            throw new ConflictException("transfer-pending", "Interaction " + interactionId + " is already being "
                    + "transferred.");
        }
        if (!locked.containsAll(repository.agentsConcerned(tenantId, interactionId))) {
            throw new ConflictException("interaction-busy", "Interaction " + interactionId
                    + " is changing hands right now; retry.");
        }
        return interaction;
    }
}
