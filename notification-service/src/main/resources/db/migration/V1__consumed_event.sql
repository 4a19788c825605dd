-- Every event this service has taken from Kafka, by CloudEvents id: a redelivered or republished event is
-- recognised and skipped, in the same transaction as the work it caused.
CREATE TABLE consumed_event (
    event_id        VARCHAR(128) PRIMARY KEY,
    event_type      VARCHAR(128),
    subject         VARCHAR(128),
    topic           VARCHAR(249) NOT NULL,
    kafka_partition INTEGER      NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    consumed_at     TIMESTAMPTZ  NOT NULL
);
