-- The desktop's task panel shows how long each interaction has been in its state; the supervisors' KPIs are
-- computed from stored history over a recent window.

-- When the interaction entered its current state: its last transition that changed the state (messages, ACW
-- extensions and workbin moves do not), else when it was last changed.
ALTER TABLE interaction ADD COLUMN state_since TIMESTAMPTZ;
UPDATE interaction i SET state_since = coalesce(
    (SELECT max(t.occurred_at) FROM interaction_transition t
      WHERE t.interaction_id = i.id AND t.from_state IS DISTINCT FROM t.to_state), i.updated_at);
ALTER TABLE interaction ALTER COLUMN state_since SET NOT NULL;

-- Service level: the share of customers answered within this many seconds (the industry's usual 20 s by default).
ALTER TABLE routing_queue ADD COLUMN service_level_seconds INTEGER NOT NULL DEFAULT 20
    CHECK (service_level_seconds BETWEEN 1 AND 3600);

-- A tenant's interactions with anything recorded in a window: every event moves updated_at.
CREATE INDEX interaction_by_tenant_and_update ON interaction (tenant_id, updated_at);
-- An agent's state on a channel at a past instant: the last interval that started by then.
CREATE INDEX state_interval_by_agent_channel_start ON state_interval (agent_id, channel, started_at);
CREATE INDEX entry_point_by_queue ON entry_point (queue_id);
