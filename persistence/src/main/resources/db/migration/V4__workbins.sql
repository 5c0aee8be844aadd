-- Workbins (IX8): an email or workitem parked in an agent's personal workbin or a queue's team workbin.
ALTER TABLE interaction DROP CONSTRAINT interaction_state_check;
ALTER TABLE interaction ADD CONSTRAINT interaction_state_check
    CHECK (state IN ('QUEUED', 'OFFERED', 'ACTIVE', 'WRAP_UP', 'DONE', 'ABANDONED', 'PARKED'));
ALTER TABLE interaction DROP CONSTRAINT interaction_agent_when_assigned;
ALTER TABLE interaction ADD CONSTRAINT interaction_agent_when_assigned
    CHECK ((state IN ('QUEUED', 'ABANDONED', 'PARKED')) = (agent_id IS NULL) OR state = 'DONE');
ALTER TABLE interaction
    ADD COLUMN workbin_agent_id UUID REFERENCES agent (id),
    ADD COLUMN workbin_queue_id UUID REFERENCES routing_queue (id);
ALTER TABLE interaction ADD CONSTRAINT interaction_parked_in_one_workbin
    CHECK ((state = 'PARKED') = (num_nonnulls(workbin_agent_id, workbin_queue_id) = 1));
CREATE INDEX interaction_in_personal_workbin ON interaction (workbin_agent_id) WHERE state = 'PARKED';
CREATE INDEX interaction_in_team_workbin ON interaction (workbin_queue_id) WHERE state = 'PARKED';
