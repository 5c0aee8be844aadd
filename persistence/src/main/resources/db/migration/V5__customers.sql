-- Customers (contacts): every interaction is linked to the customer its address belongs to; a customer has all the
-- phone numbers, email addresses and social handles the company knows for them. An address belongs to one customer.
CREATE TABLE customer (
    id         UUID PRIMARY KEY,
    tenant_id  UUID        NOT NULL REFERENCES tenant (id),
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE customer_address (
    tenant_id   UUID         NOT NULL REFERENCES tenant (id),
    kind        VARCHAR(8)   NOT NULL CHECK (kind IN ('PHONE', 'EMAIL', 'SOCIAL')),
    address     VARCHAR(200) NOT NULL,
    customer_id UUID         NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (tenant_id, kind, address)
);
CREATE INDEX customer_address_by_customer ON customer_address (customer_id);

ALTER TABLE interaction ADD COLUMN customer_id UUID REFERENCES customer (id);
CREATE INDEX interaction_by_customer ON interaction (customer_id);
