-- Outbound conversations, second half (issue 11): templates (OB7), inline images (OB10), workflow triggers (OB11).

-- OB7: a customer's name, for templates' {{customer.name}}; unknown (null) until someone records it.
ALTER TABLE customer ADD COLUMN display_name VARCHAR(120);

-- OB7: a tenant's message templates per channel. An email template may carry a subject; an SMS template cannot.
CREATE TABLE message_template (
    id         UUID PRIMARY KEY,
    tenant_id  UUID         NOT NULL REFERENCES tenant (id),
    channel    VARCHAR(16)  NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    name       VARCHAR(80)  NOT NULL,
    subject    VARCHAR(998),
    body       TEXT         NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    version    BIGINT       NOT NULL DEFAULT 0,
    CHECK (channel = 'EMAIL' OR subject IS NULL)
);
CREATE UNIQUE INDEX message_template_name ON message_template (tenant_id, channel, lower(name));

-- OB10: a tenant that handles card data sends no inline images at all.
ALTER TABLE tenant ADD COLUMN pci_restricted BOOLEAN NOT NULL DEFAULT FALSE;

-- OB10: images an agent puts in an email's HTML, served to the customer's mail client by an unguessable token
-- (256 random bits) without login; 15 KB at most (fixed); purged 6 months after upload.
CREATE TABLE inline_image (
    token          VARCHAR(43)  PRIMARY KEY,
    tenant_id      UUID         NOT NULL REFERENCES tenant (id),
    interaction_id UUID         NOT NULL REFERENCES interaction (id),
    agent_id       UUID         NOT NULL,
    media_type     VARCHAR(16)  NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/gif')),
    bytes          BYTEA        NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 15360),
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inline_image_by_age ON inline_image (created_at);

-- OB11: which task events of inbound work a tenant's workflows are told of (a row: on).
CREATE TABLE workflow_trigger (
    tenant_id UUID        NOT NULL REFERENCES tenant (id),
    event     VARCHAR(16) NOT NULL CHECK (event IN ('TASK_CREATED', 'TASK_ROUTED', 'TASK_ENDED')),
    PRIMARY KEY (tenant_id, event)
);

-- OB11: named workflows an agent may start by hand on a conversation.
CREATE TABLE workflow (
    tenant_id UUID         NOT NULL REFERENCES tenant (id),
    name      VARCHAR(80)  NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
    label     VARCHAR(120) NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
