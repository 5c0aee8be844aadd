package io.switchboard.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Optional;
import java.util.UUID;

/** Where a parked interaction waits (IX8): an agent's personal workbin or a queue's team one, or nowhere. */
@Embeddable
public class WorkbinPlacement {

    @Column(name = "workbin_agent_id")
    private UUID agentId;

    @Column(name = "workbin_queue_id")
    private UUID queueId;

    protected WorkbinPlacement() {
    }

    private WorkbinPlacement(UUID agentId, UUID queueId) {
        this.agentId = agentId;
        this.queueId = queueId;
    }

    static WorkbinPlacement in(Workbin workbin) {
        return new WorkbinPlacement(workbin.agentId(), workbin.queueId());
    }

    Optional<Workbin> workbin() {
        if (agentId == null && queueId == null) {
            return Optional.empty();
        }
        return Optional.of(agentId != null ? Workbin.personal(agentId) : Workbin.team(queueId));
    }
}
