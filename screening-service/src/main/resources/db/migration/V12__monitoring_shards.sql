-- The customer book is sharded by the partitions of screening.parties; the instance Kafka assigns a partition owns
-- that shard (AlertMonitor, ADR 0020). One row per shard, shared by all instances: who holds it, and how far its
-- parties have been checked, so that a new owner continues where the last one committed.
CREATE TABLE monitoring_shard (
    shard                 INTEGER      PRIMARY KEY,  -- the partition of screening.parties
    owner                 VARCHAR(64)  NOT NULL,     -- the instance id that claimed it last
    epoch                 BIGINT       NOT NULL,     -- +1 at every claim: a former owner's next write is refused
    -- {"partition": next offset} of sanctions.designations checked against the shard's parties; null until the first
    -- owner has screened them all against its watchlist
    designation_positions JSONB,
    parties_offset        BIGINT       NOT NULL,     -- next offset of the partition whose party change is not screened
    updated_at            TIMESTAMPTZ  NOT NULL
);

-- Parties stored before screening.parties existed were never published: publish each once, as it is stored now,
-- so that the owners of the shards find the whole book on the topic.
INSERT INTO party_outbox (event_id, event_type, event_key, payload, occurred_at)
SELECT gen_random_uuid(), 'screening.party.saved', p.portfolio || '/' || p.party_id,
       jsonb_strip_nulls(jsonb_build_object(
           'portfolio', p.portfolio, 'partyId', p.party_id, 'version', p.version, 'name', p.name,
           'type', p.subject_type, 'birthDate', p.birth_date, 'country', p.country,
           'identifiers', COALESCE(p.identifiers, '[]'::jsonb),
           'savedAt', to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
           'createdAt', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))),
       p.updated_at
FROM monitored_party p
WHERE NOT EXISTS (SELECT 1 FROM party_outbox o WHERE o.event_key = p.portfolio || '/' || p.party_id)
ORDER BY p.updated_at;
