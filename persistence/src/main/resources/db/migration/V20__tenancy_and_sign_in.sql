-- Tenants and sign-in (issue 12, PL4/PL5).

-- A suspended tenant keeps its data; its users cannot sign in and their tokens and sockets stop working.
ALTER TABLE tenant ADD COLUMN suspended_at TIMESTAMPTZ;

-- A disabled user cannot sign in. credential_version is carried in every token (claim "cv"): changing or resetting
-- the password, or disabling the user, raises it, and every token carrying an older value stops working.
ALTER TABLE agent ADD COLUMN disabled_at TIMESTAMPTZ;
ALTER TABLE agent ADD COLUMN credential_version INTEGER NOT NULL DEFAULT 0 CHECK (credential_version >= 0);

-- Failed sign-ins per account ('account:<tenant>/<login>', 'operator:<login>') and per source address
-- ('source:<address>'), in the database so that every node counts the same failures. A row is forgotten once its
-- failures are older than the policy's window.
CREATE TABLE sign_in_throttle (
    key             VARCHAR(200) PRIMARY KEY,
    failures        INTEGER      NOT NULL CHECK (failures >= 0),
    last_failure_at TIMESTAMPTZ  NOT NULL,
    not_before      TIMESTAMPTZ,
    locked_until    TIMESTAMPTZ
);

-- Every sign-in, failure, refusal and lockout; never a password. tenant_id is null for an unknown tenant code and
-- for the platform operator.
CREATE TABLE sign_in_audit (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id UUID         REFERENCES tenant (id),
    login     VARCHAR(64)  NOT NULL,
    source    VARCHAR(64)  NOT NULL,
    outcome   VARCHAR(20)  NOT NULL CHECK (outcome IN ('SIGNED_IN', 'WRONG_PASSWORD', 'UNKNOWN_USER', 'THROTTLED',
                                                      'LOCKED_OUT', 'DISABLED', 'TENANT_SUSPENDED',
                                                      'PASSWORD_CHANGED', 'PASSWORD_RESET', 'USER_DISABLED',
                                                      'USER_ENABLED')),
    at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sign_in_audit_by_tenant ON sign_in_audit (tenant_id, id DESC);
