-- The materialized watchlist: the latest state of every designation this service has consumed, delisted ones
-- included (screenings may ask for them, and a rebuilt instance must reach the same watchlist version).
CREATE TABLE watchlist_entry (
    entry_id      UUID PRIMARY KEY,          -- the designation id
    version       INTEGER      NOT NULL,     -- the designation's version; an event not newer than this is ignored
    status        VARCHAR(16)  NOT NULL,
    state         JSONB        NOT NULL,     -- the event's payload: the full designation
    event_id      VARCHAR(128),
    event_time    TIMESTAMPTZ,
    applied_at    TIMESTAMPTZ  NOT NULL
);

-- Where this instance stands in each partition of a topic: committed with the entries it applied, so a restart
-- resumes exactly here and nothing is applied twice or skipped, whatever Kafka's consumer group remembers.
CREATE TABLE consumer_position (
    topic          VARCHAR(249) NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    next_offset    BIGINT       NOT NULL,
    last_event_id  VARCHAR(128),
    last_event_type VARCHAR(128),
    last_event_time TIMESTAMPTZ,
    applied_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (topic, kafka_partition)
);

-- The watchlist version check replaces the per-event inbox: (designation id, version) is the natural key.
DROP TABLE consumed_event;

-- Evidence of every screening: what was asked, what was answered, against which watchlist and algorithm.
CREATE TABLE screening_receipt (
    screening_id      UUID PRIMARY KEY,
    batch_id          UUID,
    batch_index       INTEGER,
    screened_at       TIMESTAMPTZ  NOT NULL,
    watchlist_version VARCHAR(64)  NOT NULL,
    algorithm         VARCHAR(64)  NOT NULL,
    request           JSONB        NOT NULL,  -- the query as asked, with its threshold and filters
    result            JSONB        NOT NULL,  -- the answer as given
    match_count       INTEGER      NOT NULL
);
CREATE INDEX screening_receipt_batch ON screening_receipt (batch_id, batch_index) WHERE batch_id IS NOT NULL;

CREATE TABLE screening_batch (
    batch_id          UUID PRIMARY KEY,
    screened_at       TIMESTAMPTZ  NOT NULL,
    watchlist_version VARCHAR(64)  NOT NULL,
    algorithm         VARCHAR(64)  NOT NULL,
    query_count       INTEGER      NOT NULL,
    match_count       INTEGER      NOT NULL,
    source            VARCHAR(16)  NOT NULL  -- json or csv
);
