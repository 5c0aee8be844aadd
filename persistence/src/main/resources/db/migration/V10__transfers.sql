-- Transfers (issue 9, CO3/CO4/IX7). Routing keeps the facts that decide capacity and who may act on an interaction
-- (the hold a pending transfer puts on it, and the participations of agents other than its holder); collaboration
-- keeps the transfer itself (who asked, to whom, how it ended).

-- A pending transfer to an agent: the holder keeps the interaction but may not end, park or wrap it up meanwhile.
ALTER TABLE interaction ADD COLUMN transfer_target_id UUID REFERENCES agent (id);
ALTER TABLE interaction ADD COLUMN transfer_deadline TIMESTAMPTZ;
ALTER TABLE interaction ADD COLUMN transfer_count INTEGER NOT NULL DEFAULT 0 CHECK (transfer_count >= 0);
ALTER TABLE interaction ADD CONSTRAINT interaction_transfer_only_when_active
    CHECK (transfer_target_id IS NULL OR (state = 'ACTIVE' AND transfer_target_id <> agent_id));
ALTER TABLE interaction ADD CONSTRAINT interaction_transfer_deadline
    CHECK ((transfer_target_id IS NULL) = (transfer_deadline IS NULL));
-- Departures look up the transfers ringing for an agent; almost every row has none, so the index stays tiny.
CREATE INDEX interaction_transfer_target ON interaction (transfer_target_id) WHERE transfer_target_id IS NOT NULL;

-- How long a transfer offer rings for the target, and where a transfer into the queue waits: AHEAD keeps the
-- customer's first arrival time (ahead of everyone who came later), BEHIND queues it as a new arrival.
ALTER TABLE routing_queue ADD COLUMN transfer_timeout_seconds INTEGER NOT NULL DEFAULT 30
    CHECK (transfer_timeout_seconds BETWEEN 5 AND 600);
ALTER TABLE routing_queue ADD COLUMN transfer_position VARCHAR(8) NOT NULL DEFAULT 'AHEAD'
    CHECK (transfer_position IN ('AHEAD', 'BEHIND'));

-- The other agent of a transfer step (its target, or the sender it came from), so both screens learn of it.
ALTER TABLE interaction_transition ADD COLUMN counterpart_id UUID;

-- An agent's part in an interaction they do not hold: a transfer ringing for them (TRANSFER_OFFER) or the wrap-up
-- they owe after handing it over (HANDED_OVER). While open (ended_at null) each counts against the agent's capacity
-- on the channel like the interactions they hold; an ended one stays as the record (a sender's wrap-up code).
CREATE TABLE interaction_participation (
    id             UUID        PRIMARY KEY,
    tenant_id      UUID        NOT NULL REFERENCES tenant (id),
    interaction_id UUID        NOT NULL REFERENCES interaction (id),
    agent_id       UUID        NOT NULL REFERENCES agent (id),
    channel        VARCHAR(16) NOT NULL,
    queue_id       UUID        NOT NULL REFERENCES routing_queue (id),
    kind           VARCHAR(16) NOT NULL CHECK (kind IN ('TRANSFER_OFFER', 'HANDED_OVER')),
    since          TIMESTAMPTZ NOT NULL,
    ended_at       TIMESTAMPTZ,
    wrap_up_code   VARCHAR(40),
    version        BIGINT      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX participation_open_once_per_agent ON interaction_participation (interaction_id, agent_id)
    WHERE ended_at IS NULL;
CREATE INDEX participation_open_by_agent ON interaction_participation (agent_id, channel) WHERE ended_at IS NULL;

CREATE TABLE transfer (
    id              UUID        PRIMARY KEY,
    tenant_id       UUID        NOT NULL REFERENCES tenant (id),
    interaction_id  UUID        NOT NULL REFERENCES interaction (id),
    channel         VARCHAR(16) NOT NULL,
    sender_id       UUID        NOT NULL REFERENCES agent (id),
    requested_by    UUID        NOT NULL REFERENCES agent (id),
    target_agent_id UUID REFERENCES agent (id),
    target_queue_id UUID REFERENCES routing_queue (id),
    outbound        BOOLEAN     NOT NULL DEFAULT FALSE,
    state           VARCHAR(16) NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'REJECTED', 'TIMED_OUT',
                                                          'CANCELLED', 'WITHDRAWN', 'ABORTED', 'QUEUED')),
    requested_at    TIMESTAMPTZ NOT NULL,
    deadline        TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ,
    ended_by        UUID,
    -- Failed attempts at timing it out; the sweeper tries those last and stops at 5 (quarantined, logged).
    timeout_failures INTEGER    NOT NULL DEFAULT 0,
    version         BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT transfer_one_target CHECK ((target_agent_id IS NULL) <> (target_queue_id IS NULL)),
    CONSTRAINT transfer_pending_has_deadline CHECK (state <> 'PENDING' OR deadline IS NOT NULL),
    CONSTRAINT transfer_ended CHECK ((state = 'PENDING') = (ended_at IS NULL))
);
-- One pending transfer per interaction; per agent, one agent-initiated outbound task in transfer at a time (CO5).
CREATE UNIQUE INDEX transfer_one_pending ON transfer (interaction_id) WHERE state = 'PENDING';
CREATE UNIQUE INDEX transfer_one_outbound_per_sender ON transfer (sender_id) WHERE state = 'PENDING' AND outbound;
CREATE INDEX transfer_pending_deadline ON transfer (deadline) WHERE state = 'PENDING';
CREATE INDEX transfer_pending_target ON transfer (target_agent_id) WHERE state = 'PENDING';
CREATE INDEX transfer_of_interaction ON transfer (interaction_id, requested_at);
