-- The skip list becomes child rows: no length limit, and routing's SQL asks "was this agent skipped" by key.
CREATE TABLE interaction_skip (
    interaction_id UUID NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    agent_id       UUID NOT NULL,
    PRIMARY KEY (interaction_id, agent_id)
);
INSERT INTO interaction_skip (interaction_id, agent_id)
SELECT DISTINCT i.id, CAST(s AS UUID)
  FROM interaction i CROSS JOIN LATERAL unnest(string_to_array(i.skipped_agents, ',')) AS s
 WHERE i.skipped_agents <> '';
ALTER TABLE interaction DROP COLUMN skipped_agents;

-- Interaction events are numbered per interaction, and the history keeps the number and the cause.
ALTER TABLE interaction ADD COLUMN event_sequence BIGINT NOT NULL DEFAULT 0;
ALTER TABLE interaction_transition
    ADD COLUMN sequence BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN cause    VARCHAR(32) NOT NULL DEFAULT 'CREATED';
ALTER TABLE interaction_transition ALTER COLUMN sequence DROP DEFAULT, ALTER COLUMN cause DROP DEFAULT;

-- Deadline work the sweeper could not do: counted per row and deadline and, after repeated failures, quarantined
-- (left out of the sweep and shown to supervisors) so one bad row never holds up the others. A later deadline of
-- the same interaction (a new offer) starts afresh.
CREATE TABLE sweep_failure (
    interaction_id UUID          NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    work           VARCHAR(32)   NOT NULL,
    deadline       TIMESTAMPTZ   NOT NULL,
    tenant_id      UUID          NOT NULL REFERENCES tenant (id),
    failures       INTEGER       NOT NULL,
    last_error     VARCHAR(1000) NOT NULL,
    last_failed_at TIMESTAMPTZ   NOT NULL,
    quarantined_at TIMESTAMPTZ,
    PRIMARY KEY (interaction_id, work)
);
CREATE INDEX sweep_failure_quarantined ON sweep_failure (tenant_id) WHERE quarantined_at IS NOT NULL;

-- Longest idle: when work on the channel last ended (with state_since of READY, "free since").
ALTER TABLE channel_session ADD COLUMN work_ended_at TIMESTAMPTZ;

-- Wrap-up codes are checked one by one at the API; the column just stores the list.
ALTER TABLE routing_queue ALTER COLUMN wrap_up_codes TYPE VARCHAR(2000);

-- The head of each queue's waiting line per channel, read by an ordered index scan that stops at the first row
-- routing may take, however long the line is.
CREATE INDEX interaction_waiting_by_channel ON interaction (queue_id, channel, queued_since) WHERE state = 'QUEUED';
