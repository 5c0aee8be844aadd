package io.switchboard.routing.domain;

import java.util.UUID;

/** A place to park work (IX8): an agent's personal workbin or a queue's team workbin. Exactly one id is set. */
public record Workbin(UUID agentId, UUID queueId) {

    public Workbin {
        if ((agentId == null) == (queueId == null)) {
            throw new IllegalArgumentException("A workbin is either personal or a team's");
        }
    }

    public static Workbin personal(UUID agentId) {
        return new Workbin(agentId, null);
    }

    public static Workbin team(UUID queueId) {
        return new Workbin(null, queueId);
    }

    public boolean isPersonal() {
        return agentId != null;
    }
}
