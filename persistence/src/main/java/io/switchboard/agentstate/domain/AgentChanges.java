package io.switchboard.agentstate.domain;

import io.switchboard.api.agentstate.AgentEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one command did to an {@link Agent}: the events to announce after commit and the finished state intervals to
 * store in the same transaction.
 */
public final class AgentChanges {

    private final List<AgentEvent> events = new ArrayList<>();
    private final List<StateInterval> finishedIntervals = new ArrayList<>();

    void add(AgentEvent event) {
        events.add(event);
    }

    void add(StateInterval interval) {
        finishedIntervals.add(interval);
    }

    public List<AgentEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public List<StateInterval> finishedIntervals() {
        return Collections.unmodifiableList(finishedIntervals);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
