-- After-Call-Work per queue (voice): how long (0 none, -1 until the agent is done), and what comes after.
ALTER TABLE routing_queue
    ADD COLUMN acw_seconds     INTEGER     NOT NULL DEFAULT 0 CHECK (acw_seconds >= -1),
    ADD COLUMN acw_next_state  VARCHAR(16) NOT NULL DEFAULT 'READY'
        CHECK (acw_next_state IN ('READY', 'NOT_READY', 'MANUAL')),
    ADD COLUMN acw_next_reason VARCHAR(40);

-- ACW is tracked per interaction: the deadline of the call's After-Call-Work, null when none is running.
ALTER TABLE interaction
    ADD COLUMN acw_deadline TIMESTAMPTZ,
    ADD COLUMN acw_running  BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX interaction_acw_deadline ON interaction (acw_deadline) WHERE acw_running;
