-- Every event taken from Kafka, kept as the structured CloudEvent that webhooks carry. Its primary key is the
-- inbox: a redelivered or republished event is recognised and skipped in the transaction that fans it out.
DROP TABLE consumed_event;

CREATE TABLE received_event (
    event_id        VARCHAR(128) PRIMARY KEY,
    event_type      VARCHAR(128) NOT NULL,
    subject         VARCHAR(256),
    topic           VARCHAR(249),            -- null for a test ping, which never came from Kafka
    kafka_partition INTEGER,
    kafka_offset    BIGINT,
    body            TEXT         NOT NULL,   -- signed and posted byte for byte on every attempt
    received_at     TIMESTAMPTZ  NOT NULL
);
-- a screening.match.cleared inherits the filter facts of the screening.match.found it clears (same subject)
CREATE INDEX received_event_by_subject ON received_event (subject, event_type);

CREATE TABLE subscription (
    id                      UUID PRIMARY KEY,
    url                     TEXT        NOT NULL,
    description             TEXT,
    event_types             TEXT[]      NOT NULL,
    authorities             TEXT[]      NOT NULL,   -- each filter: empty = any
    programs                TEXT[]      NOT NULL,
    subject_types           TEXT[]      NOT NULL,
    countries               TEXT[]      NOT NULL,
    portfolios              TEXT[]      NOT NULL,
    enabled                 BOOLEAN     NOT NULL,
    disabled_reason         TEXT,
    secret                  TEXT        NOT NULL,
    previous_secret         TEXT,                   -- still signed with until previous_secret_until
    previous_secret_until   TIMESTAMPTZ,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL
);

-- The delivery queue: one row per (event, subscription), written with the consumer's inbox row. Its id is the
-- webhook-id, the same on every attempt, so receivers can de-duplicate.
CREATE TABLE delivery (
    id               UUID PRIMARY KEY,
    subscription_id  UUID         NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id         VARCHAR(128) NOT NULL REFERENCES received_event (event_id),
    event_type       VARCHAR(128) NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    schedule_step    INTEGER      NOT NULL DEFAULT 0,  -- retries used of the schedule; a manual retry resets it
    next_attempt_at  TIMESTAMPTZ,
    claim_token      UUID,                             -- the worker sending it now; the claim ends at claimed_until
    claimed_until    TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    UNIQUE (event_id, subscription_id)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_by_subscription ON delivery (subscription_id, created_at DESC);

CREATE TABLE delivery_attempt (
    id            BIGSERIAL PRIMARY KEY,
    delivery_id   UUID        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempted_at  TIMESTAMPTZ NOT NULL,
    status_code   INTEGER,
    duration_ms   INTEGER     NOT NULL,
    error         TEXT
);
CREATE INDEX delivery_attempt_by_delivery ON delivery_attempt (delivery_id, id);
