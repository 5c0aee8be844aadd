-- Routing: multimedia profiles (capacity per channel), queues with members, entry points, interactions.

CREATE TABLE multimedia_profile (
    id        UUID PRIMARY KEY,
    tenant_id UUID        NOT NULL REFERENCES tenant (id),
    name      VARCHAR(80) NOT NULL,
    CONSTRAINT multimedia_profile_name_unique UNIQUE (tenant_id, name)
);

CREATE TABLE profile_capacity (
    profile_id UUID        NOT NULL REFERENCES multimedia_profile (id) ON DELETE CASCADE,
    channel    VARCHAR(16) NOT NULL,
    capacity   INTEGER     NOT NULL CHECK (capacity BETWEEN 0 AND 50),
    PRIMARY KEY (profile_id, channel)
);

-- Which profile an agent works under; routing's own table, so agent state does not know about profiles.
CREATE TABLE agent_profile (
    agent_id   UUID PRIMARY KEY REFERENCES agent (id) ON DELETE CASCADE,
    profile_id UUID NOT NULL REFERENCES multimedia_profile (id)
);

CREATE TABLE routing_queue (
    id                   UUID PRIMARY KEY,
    tenant_id            UUID         NOT NULL REFERENCES tenant (id),
    name                 VARCHAR(80)  NOT NULL,
    priority             INTEGER      NOT NULL DEFAULT 0,
    rona_timeout_seconds INTEGER      NOT NULL DEFAULT 20 CHECK (rona_timeout_seconds > 0),
    wrap_up_required     BOOLEAN      NOT NULL DEFAULT FALSE,
    wrap_up_codes        VARCHAR(400) NOT NULL DEFAULT '',
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT routing_queue_name_unique UNIQUE (tenant_id, name)
);

CREATE TABLE queue_member (
    queue_id UUID NOT NULL REFERENCES routing_queue (id) ON DELETE CASCADE,
    agent_id UUID NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    PRIMARY KEY (queue_id, agent_id)
);
CREATE INDEX queue_member_by_agent ON queue_member (agent_id);

CREATE TABLE entry_point (
    id        UUID PRIMARY KEY,
    tenant_id UUID         NOT NULL REFERENCES tenant (id),
    channel   VARCHAR(16)  NOT NULL,
    address   VARCHAR(200) NOT NULL,
    queue_id  UUID         NOT NULL REFERENCES routing_queue (id),
    CONSTRAINT entry_point_unique UNIQUE (tenant_id, channel, address)
);

CREATE TABLE interaction (
    id               UUID PRIMARY KEY,
    tenant_id        UUID          NOT NULL REFERENCES tenant (id),
    queue_id         UUID          NOT NULL REFERENCES routing_queue (id),
    channel          VARCHAR(16)   NOT NULL,
    state            VARCHAR(16)   NOT NULL CHECK (state IN ('QUEUED', 'OFFERED', 'ACTIVE', 'WRAP_UP', 'DONE', 'ABANDONED')),
    idempotency_key  VARCHAR(120)  NOT NULL,
    customer_address VARCHAR(200)  NOT NULL,
    content          TEXT          NOT NULL,
    queued_since     TIMESTAMPTZ   NOT NULL,
    agent_id         UUID REFERENCES agent (id),
    offer_deadline   TIMESTAMPTZ,
    skipped_agents   VARCHAR(4000) NOT NULL DEFAULT '',
    wrap_up_code     VARCHAR(40),
    updated_at       TIMESTAMPTZ   NOT NULL,
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT interaction_idempotent UNIQUE (tenant_id, idempotency_key),
    CONSTRAINT interaction_agent_when_assigned
        CHECK ((state IN ('QUEUED', 'ABANDONED')) = (agent_id IS NULL) OR state = 'DONE'),
    CONSTRAINT interaction_deadline_when_offered CHECK ((state = 'OFFERED') = (offer_deadline IS NOT NULL))
);
CREATE INDEX interaction_waiting ON interaction (queue_id, queued_since) WHERE state = 'QUEUED';
CREATE INDEX interaction_by_agent ON interaction (agent_id, channel) WHERE state IN ('OFFERED', 'ACTIVE', 'WRAP_UP');
CREATE INDEX interaction_offer_deadline ON interaction (offer_deadline) WHERE state = 'OFFERED';
