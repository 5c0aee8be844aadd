-- Multimedia profiles gain blending rules, the licence they need and their outbound allowance (IX3, OB);
-- every interaction transition is kept, in the order the transactions made them, for audit and reporting.

ALTER TABLE multimedia_profile
    ADD COLUMN licence_tier VARCHAR(16) NOT NULL DEFAULT 'STANDARD' CHECK (licence_tier IN ('STANDARD', 'PREMIUM')),
    ADD COLUMN max_outbound INTEGER     NOT NULL DEFAULT 0 CHECK (max_outbound BETWEEN 0 AND 50);

-- While the agent has work of active_channel offered or active, no new offers of blocked_channel.
CREATE TABLE profile_blocking (
    profile_id      UUID        NOT NULL REFERENCES multimedia_profile (id) ON DELETE CASCADE,
    active_channel  VARCHAR(16) NOT NULL,
    blocked_channel VARCHAR(16) NOT NULL,
    PRIMARY KEY (profile_id, active_channel, blocked_channel),
    CHECK (active_channel <> blocked_channel)
);

CREATE TABLE profile_outbound_channel (
    profile_id UUID        NOT NULL REFERENCES multimedia_profile (id) ON DELETE CASCADE,
    channel    VARCHAR(16) NOT NULL,
    PRIMARY KEY (profile_id, channel)
);

CREATE TABLE interaction_transition (
    seq            BIGSERIAL PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    interaction_id UUID        NOT NULL REFERENCES interaction (id) ON DELETE CASCADE,
    from_state     VARCHAR(16),
    to_state       VARCHAR(16) NOT NULL,
    agent_id       UUID,
    occurred_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX interaction_transition_by_interaction ON interaction_transition (interaction_id, seq);
