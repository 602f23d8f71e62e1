-- Events waiting to be published: written in the transaction of the state change that caused them.
CREATE TABLE outbox_message (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(128) NOT NULL,
    message_key  VARCHAR(128),
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);

CREATE INDEX outbox_message_unpublished ON outbox_message (seq) WHERE published_at IS NULL;
