-- Email and SMS on the wire (issue 10): the entry point an interaction came through (its replies leave from that
-- address), every email of a conversation by its Message-ID (threading), the attachments kept, the SMS received
-- (idempotent on the provider's MessageSid), the mailboxes' polling leases, and the send queue of agents' replies.

ALTER TABLE interaction ADD COLUMN entry_point_id UUID REFERENCES entry_point (id);

-- A mailbox or an SMS number is read by one tenant: two entry points on it would each take the other's messages.
CREATE UNIQUE INDEX entry_point_wire_address_unique ON entry_point (channel, address) WHERE channel IN ('EMAIL', 'SMS');

CREATE TABLE email_message (
    id              UUID PRIMARY KEY,
    tenant_id       UUID          NOT NULL REFERENCES tenant (id),
    message_id      VARCHAR(998)  NOT NULL,
    interaction_id  UUID          NOT NULL REFERENCES interaction (id),
    conversation_id UUID          NOT NULL,
    direction       VARCHAR(8)    NOT NULL CHECK (direction IN ('INBOUND', 'OUTBOUND')),
    mailbox         VARCHAR(320)  NOT NULL,
    subject         VARCHAR(998),
    -- the References a reply to this message carries: its own References, then its Message-ID
    reference_chain TEXT          NOT NULL DEFAULT '',
    at              TIMESTAMPTZ   NOT NULL,
    CONSTRAINT email_message_unique UNIQUE (tenant_id, message_id)
);
CREATE INDEX email_message_by_interaction ON email_message (interaction_id, at);

CREATE TABLE email_attachment (
    id               UUID PRIMARY KEY,
    tenant_id        UUID         NOT NULL REFERENCES tenant (id),
    interaction_id   UUID         NOT NULL REFERENCES interaction (id),
    email_message_id UUID         NOT NULL REFERENCES email_message (id),
    name             VARCHAR(255) NOT NULL,
    media_type       VARCHAR(255) NOT NULL,
    size_bytes       BIGINT       NOT NULL CHECK (size_bytes >= 0),
    data             BYTEA        NOT NULL
);
CREATE INDEX email_attachment_by_interaction ON email_attachment (interaction_id);

-- Which node polls a mailbox, until when: one poller per mailbox across the cluster; an expired lease moves.
CREATE TABLE mailbox_lease (
    entry_point_id UUID PRIMARY KEY REFERENCES entry_point (id) ON DELETE CASCADE,
    holder         VARCHAR(200) NOT NULL,
    until          TIMESTAMPTZ  NOT NULL
);

CREATE TABLE sms_message (
    id             UUID PRIMARY KEY,
    tenant_id      UUID        NOT NULL REFERENCES tenant (id),
    provider_sid   VARCHAR(64) NOT NULL,
    interaction_id UUID        NOT NULL REFERENCES interaction (id),
    from_number    VARCHAR(32) NOT NULL,
    to_number      VARCHAR(32) NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT sms_message_unique UNIQUE (tenant_id, provider_sid)
);

-- Agents' replies until the mail server or the provider took them, and what became of them after.
CREATE TABLE outbound_message (
    id              UUID PRIMARY KEY,
    tenant_id       UUID         NOT NULL REFERENCES tenant (id),
    interaction_id  UUID         NOT NULL REFERENCES interaction (id),
    agent_id        UUID         NOT NULL,
    channel         VARCHAR(16)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    from_address    VARCHAR(320) NOT NULL,
    to_address      VARCHAR(320) NOT NULL,
    subject         VARCHAR(998),
    body_text       TEXT         NOT NULL,
    body_html       TEXT,
    -- email: fixed when queued, so a retry after a crash re-sends the same message and the customer's client
    -- shows it once
    message_id      VARCHAR(998),
    in_reply_to     VARCHAR(998),
    reference_chain TEXT,
    status          VARCHAR(12)  NOT NULL
        CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    -- QUEUED: when to try (again); SENDING: when the claim lapses (a node died mid-send)
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    failure         VARCHAR(500),
    -- SMS: the provider's MessageSid, which its status callbacks name
    provider_id     VARCHAR(64),
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX outbound_message_due ON outbound_message (next_attempt_at) WHERE status IN ('QUEUED', 'SENDING');
CREATE INDEX outbound_message_by_interaction ON outbound_message (interaction_id, created_at);

-- An SMS from a number joins that customer's open conversation: found by this.
CREATE INDEX interaction_open_by_customer ON interaction (tenant_id, channel, customer_address)
    WHERE state IN ('QUEUED', 'OFFERED', 'ACTIVE', 'PARKED');
