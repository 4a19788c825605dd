-- Events waiting to be published to Kafka, written in the same transaction as the change they describe.
CREATE TABLE outbox_event (
    id             UUID PRIMARY KEY,
    aggregate_type VARCHAR(64)  NOT NULL,
    aggregate_id   VARCHAR(128) NOT NULL,
    event_type     VARCHAR(128) NOT NULL,
    payload        TEXT         NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    sequence       BIGSERIAL    NOT NULL UNIQUE,
    published_at   TIMESTAMPTZ
);

-- the relay reads the unpublished tail in commit order
CREATE INDEX outbox_event_unpublished ON outbox_event (sequence) WHERE published_at IS NULL;
