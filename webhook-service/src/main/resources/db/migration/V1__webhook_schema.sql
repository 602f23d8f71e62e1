-- A clinic's registered receiver. event_types: the types it wants, separated by spaces; empty for every type.
CREATE TABLE endpoint (
    id              uuid PRIMARY KEY,
    clinic_id       varchar(255)  NOT NULL,
    url             varchar(2000) NOT NULL,
    description     varchar(500),
    event_types     text          NOT NULL,
    -- Standard Webhooks' whsec_ secret: kept as given, since every delivery is signed with it
    secret          varchar(100)  NOT NULL,
    enabled         boolean       NOT NULL,
    disabled_reason varchar(500),
    created_at      timestamptz   NOT NULL
);
CREATE INDEX endpoint_clinic ON endpoint (clinic_id);

-- The CloudEvent ids already turned into deliveries: a redelivered record adds nothing.
CREATE TABLE processed_event (
    event_id     varchar(255) PRIMARY KEY,
    processed_at timestamptz  NOT NULL DEFAULT now()
);

-- One event for one endpoint. seq follows the order the events were read in, which for one athlete is the order
-- they were published in (one partition per athlete).
CREATE TABLE delivery (
    seq              bigserial PRIMARY KEY,
    endpoint_id      uuid          NOT NULL REFERENCES endpoint (id) ON DELETE CASCADE,
    event_id         varchar(255)  NOT NULL,
    athlete_id       varchar(255)  NOT NULL,
    type             varchar(255)  NOT NULL,
    -- the CloudEvent exactly as published: what is sent and signed
    body             text          NOT NULL,
    status           varchar(16)   NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    last_status_code integer,
    last_error       varchar(500),
    next_attempt_at  timestamptz,
    -- a sender's claim: until then no other sender takes the delivery; an instance that dies lets it run out
    claimed_until    timestamptz,
    claim_token      uuid,
    created_at       timestamptz   NOT NULL,
    delivered_at     timestamptz,
    CONSTRAINT delivery_once UNIQUE (endpoint_id, event_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_athlete_queue ON delivery (endpoint_id, athlete_id, seq) WHERE status = 'PENDING';
CREATE INDEX delivery_listing ON delivery (endpoint_id, seq DESC);
