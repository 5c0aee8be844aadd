-- Outbound conversations started by agents (issue 11, OB1–OB6, OB9).

-- OB1: a tenant may switch its digital channels (and with them outbound) off.
ALTER TABLE tenant ADD COLUMN digital_channels_enabled BOOLEAN NOT NULL DEFAULT TRUE;

-- OB5: one active conversation an agent started per customer address and channel in a tenant. Two agents starting
-- one to the same number at the same instant: the second insert fails here and is refused in words.
CREATE UNIQUE INDEX interaction_one_active_outbound ON interaction (tenant_id, channel, customer_address)
    WHERE outbound AND state IN ('QUEUED', 'OFFERED', 'ACTIVE', 'PARKED');

-- OB9: an email conversation's subject is used once per customer (case, blanks and "Re:"/"Fwd:" prefixes aside).
-- The key is the SHA-256 of the normalised subject: a subject of 998 characters of any script stays within an index
-- entry; the subject itself is kept beside it for people.
CREATE TABLE email_subject (
    tenant_id        UUID         NOT NULL REFERENCES tenant (id),
    customer_address VARCHAR(200) NOT NULL,
    subject_key      CHAR(64)     NOT NULL,
    subject          VARCHAR(998) NOT NULL,
    interaction_id   UUID         NOT NULL REFERENCES interaction (id),
    PRIMARY KEY (tenant_id, customer_address, subject_key)
);
