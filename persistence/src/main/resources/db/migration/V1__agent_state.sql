-- Agent state: tenants, reason codes, agents with their roles, per-channel sessions (the assignment) and state
-- history; and the transactional outbox every context publishes its events through.

CREATE TABLE tenant (
    id                        UUID PRIMARY KEY,
    code                      VARCHAR(40)  NOT NULL UNIQUE,
    name                      VARCHAR(120) NOT NULL,
    pending_not_ready_enabled BOOLEAN      NOT NULL DEFAULT FALSE,
    version                   BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE reason_code (
    id        UUID PRIMARY KEY,
    tenant_id UUID        NOT NULL REFERENCES tenant (id),
    code      VARCHAR(40) NOT NULL,
    label     VARCHAR(80) NOT NULL,
    active    BOOLEAN     NOT NULL DEFAULT TRUE,
    CONSTRAINT reason_code_unique_per_tenant UNIQUE (tenant_id, code)
);

CREATE TABLE agent (
    id                   UUID PRIMARY KEY,
    tenant_id            UUID         NOT NULL REFERENCES tenant (id),
    login                VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(120) NOT NULL,
    extension            VARCHAR(15)  NOT NULL,
    licence_tier         VARCHAR(16)  NOT NULL CHECK (licence_tier IN ('STANDARD', 'PREMIUM')),
    password_hash        VARCHAR(255) NOT NULL,
    roles                VARCHAR(100) NOT NULL CHECK (roles ~ '^(AGENT|SUPERVISOR|ADMIN|INTEGRATION)(,(AGENT|SUPERVISOR|ADMIN|INTEGRATION))*$'),
    do_not_disturb       BOOLEAN      NOT NULL DEFAULT FALSE,
    forwarding_extension VARCHAR(15),
    event_sequence       BIGINT       NOT NULL DEFAULT 0,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT agent_login_unique_per_tenant UNIQUE (tenant_id, login),
    CONSTRAINT agent_extension_unique_per_tenant UNIQUE (tenant_id, extension),
    CONSTRAINT agent_not_forwarding_to_self CHECK (forwarding_extension IS NULL OR forwarding_extension <> extension)
);

CREATE TABLE channel_session (
    id          UUID PRIMARY KEY,
    agent_id    UUID        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    channel     VARCHAR(16) NOT NULL CHECK (channel IN ('VOICE', 'EMAIL', 'CHAT', 'FACEBOOK', 'TWITTER', 'SMS', 'WORKITEM')),
    state       VARCHAR(20) NOT NULL CHECK (state IN ('LOGGED_OUT', 'NOT_READY', 'READY', 'AFTER_CALL_WORK', 'RONA', 'PENDING_NOT_READY')),
    reason_code VARCHAR(40),
    active_work INTEGER     NOT NULL DEFAULT 0 CHECK (active_work >= 0),
    state_since TIMESTAMPTZ NOT NULL,
    CONSTRAINT channel_session_one_per_channel UNIQUE (agent_id, channel),
    CONSTRAINT channel_session_reason_only_when_not_ready
        CHECK (reason_code IS NULL OR state IN ('NOT_READY', 'PENDING_NOT_READY'))
);

-- Ids come from sequences read 50 at a time (Hibernate's pooled optimizer), so inserts batch.
CREATE SEQUENCE state_interval_seq INCREMENT BY 50;
CREATE TABLE state_interval (
    id          BIGINT PRIMARY KEY,
    agent_id    UUID        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    channel     VARCHAR(16) NOT NULL,
    state       VARCHAR(20) NOT NULL,
    reason_code VARCHAR(40),
    started_at  TIMESTAMPTZ NOT NULL,
    ended_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT state_interval_ordered CHECK (started_at <= ended_at)
);

CREATE INDEX state_interval_by_agent_and_time ON state_interval (agent_id, ended_at, started_at);

-- Events to publish on JMS, written in the transaction of the change and relayed after commit (at-least-once;
-- consumers and the broker de-duplicate on event_id).
CREATE SEQUENCE outbox_message_seq INCREMENT BY 50;
CREATE TABLE outbox_message (
    id          BIGINT PRIMARY KEY,
    event_id    UUID         NOT NULL UNIQUE,
    destination VARCHAR(200) NOT NULL,
    payload     TEXT         NOT NULL,
    properties  TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
