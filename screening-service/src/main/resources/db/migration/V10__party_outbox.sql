-- screening.parties events, written in the transaction that changed the monitored party and published by the
-- party relay. A table of its own rather than alert_outbox with a topic column: each relay publishes one table to
-- one topic, and a bulk upsert of 100,000 parties must not hold up the alerts behind it.
CREATE TABLE party_outbox (
    sequence      BIGSERIAL    PRIMARY KEY,
    event_id      UUID         UNIQUE,           -- ce_id; null on a tombstone
    event_type    VARCHAR(64),                   -- screening.party.saved or .deleted; null on a tombstone
    event_key     VARCHAR(200) NOT NULL,         -- record key and ce_subject: portfolio/partyId
    payload       JSONB,                         -- null on a tombstone: a record without value, for compaction
    occurred_at   TIMESTAMPTZ  NOT NULL,
    traceparent   VARCHAR(55),                   -- the W3C trace context of the change (null when tracing is off)
    published_at  TIMESTAMPTZ,
    CONSTRAINT party_outbox_event_or_tombstone
        CHECK ((event_id IS NULL) = (event_type IS NULL) AND (event_type IS NULL) = (payload IS NULL))
);
CREATE INDEX party_outbox_unpublished ON party_outbox (sequence) WHERE published_at IS NULL;
