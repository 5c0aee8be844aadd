-- Short-lived access tokens with refresh, and one-time WebSocket tickets (issue 12, PL5).

-- A refresh token is 256 random bits handed to the client once; only its SHA-256 is kept. Every refresh uses one up
-- and hands out the next of the same family (one sign-in); a used one presented again means it was copied, and the
-- whole family is revoked. A family ends at expires_at (sign-in + 12 h), never extended.
CREATE TABLE refresh_token (
    token_hash         BYTEA        PRIMARY KEY,
    family_id          UUID         NOT NULL,
    agent_id           UUID         NOT NULL REFERENCES agent (id),
    tenant_id          UUID         NOT NULL REFERENCES tenant (id),
    credential_version INTEGER      NOT NULL,
    issued_at          TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    used_at            TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_expiry ON refresh_token (expires_at);

-- A WebSocket handshake's one-time ticket, fetched with the access token over REST (so no token travels in a URL,
-- which proxies log). Redeemed by deleting it; good for 30 s; the socket closes when the access token it was
-- fetched with expires (session_expires_at).
CREATE TABLE socket_ticket (
    ticket_hash        BYTEA        PRIMARY KEY,
    agent_id           UUID         NOT NULL REFERENCES agent (id),
    tenant_id          UUID         NOT NULL REFERENCES tenant (id),
    login              VARCHAR(64)  NOT NULL,
    roles              VARCHAR(200) NOT NULL,
    credential_version INTEGER      NOT NULL,
    issued_at          TIMESTAMPTZ  NOT NULL,
    session_expires_at TIMESTAMPTZ  NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX socket_ticket_expiry ON socket_ticket (expires_at);

ALTER TABLE sign_in_audit DROP CONSTRAINT sign_in_audit_outcome_check;
ALTER TABLE sign_in_audit ADD CONSTRAINT sign_in_audit_outcome_check CHECK (outcome IN ('SIGNED_IN',
    'WRONG_PASSWORD', 'UNKNOWN_USER', 'THROTTLED', 'LOCKED_OUT', 'DISABLED', 'TENANT_SUSPENDED', 'PASSWORD_CHANGED',
    'PASSWORD_RESET', 'USER_DISABLED', 'USER_ENABLED', 'SIGNED_OUT', 'REFRESH_REUSED'));
