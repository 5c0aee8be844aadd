package io.switchboard.routing.application;

import io.switchboard.api.error.ConflictException;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.List;
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
     * For a change that found the interaction (locked after its holder, the common path) in conference: the
     * colleagues' rows are taken only if free — never waited for while holding the interaction, which would break the
     * lock order — else the call is refused as retryable. Ending a conversation is the only such change, so the
     * usual end costs no look-up of who else is in it.
     */
    public void lockColleaguesWithoutWaiting(Interaction interaction) {
        for (var colleague : repository.conferenceOf(interaction.id())) {
            if (!candidates.tryLockAgent(colleague.agentId())) {
                throw new ConflictException("interaction-busy", "A colleague in this conversation is changing "
                        + "state right now; retry.");
            }
        }
    }

    /**
     * As {@link #lockConcerned}, but gives up (empty) when any of the rows is held by another transaction or the
     * interaction changed between the read and the locks: for sweepers, which must never wait on a busy agent.
     */
    public java.util.Optional<Interaction> tryLockConcerned(UUID tenantId, UUID interactionId) {
        RoutingRepository.Concerned before = repository.concerned(tenantId, interactionId);
        for (UUID agent : before.agents().stream().sorted().toList()) {
            if (!candidates.tryLockAgent(agent)) {
                return java.util.Optional.empty();
            }
        }
        return repository.tryLockInteraction(tenantId, interactionId)
                .filter(interaction -> interaction.version() == before.version());
    }

    /**
     * Locks every agent the interaction concerns and {@code acting} (either may be null), ascending, then the
     * interaction. Whatever changed meanwhile, the call goes on when every agent it concerns now was among those
     * locked — the domain then refuses what no longer applies — and is refused as retryable otherwise, since waiting
     * for a new agent's row while holding the interaction would break the lock order. {@code refusePending}: a
     * transfer another request just put on it is reported as such.
     */
    public Interaction lockConcerned(UUID tenantId, UUID interactionId, UUID acting, boolean refusePending) {
        RoutingRepository.Concerned before = repository.concerned(tenantId, interactionId);
        List<UUID> locked = Stream.concat(before.agents().stream(), Stream.ofNullable(acting)).distinct().sorted()
                .toList();
        for (UUID agent : locked) {
            candidates.lockAgent(agent);
        }
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        if (refusePending && interaction.transferTargetId() != null
                && !locked.contains(interaction.transferTargetId())) {
            throw new ConflictException("transfer-pending", "Interaction " + interactionId + " is already being "
                    + "transferred.");
        }
        // Every change of who is concerned is a change of the interaction: an unchanged version needs no re-read.
        if (interaction.version() != before.version()
                && !locked.containsAll(repository.concerned(tenantId, interactionId).agents())) {
            throw new ConflictException("interaction-busy", "Interaction " + interactionId
                    + " is changing hands right now; retry.");
        }
        return interaction;
    }
}
