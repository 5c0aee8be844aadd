package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.AgentChanges;
import io.switchboard.agentstate.infrastructure.persistence.Agents;
import io.switchboard.api.agentstate.AgentEvents;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The one way a command changes an agent: lock the agent's row (so concurrent commands on one agent, on any node,
 * run one after the other), apply the domain method, store the finished intervals and fire the events. Observers of
 * the events run after commit only; a rolled-back command announces nothing.
 */
@Dependent
public class AgentCommands {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Agents agents;

    @Inject
    Event<AgentEvents> events;

    @Inject
    Clock clock;

    public Agent apply(UUID tenantId, UUID agentId, BiFunction<Agent, Instant, AgentChanges> command) {
        Agent agent = agents.lockForUpdate(tenantId, agentId);
        AgentChanges changes = command.apply(agent, clock.instant());
        changes.finishedIntervals().forEach(em::persist);
        if (!changes.isEmpty()) {
            events.fire(new AgentEvents(changes.events()));
        }
        return agent;
    }
}
