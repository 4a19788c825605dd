-- Every screening-service instance shares one database: parties, alerts, evidence, receipts, the audit trail and
-- the outboxes are one store. The watchlist is not: each instance materializes its own copy from
-- sanctions.designations with its own positions (ADR 0008), so that a restarted instance resumes from where it
-- stopped, whatever the others did meanwhile, and a new one rebuilds from the topic. These three tables are keyed by
-- the instance (screening.instance-id) first; the rows of a database that had one instance become 'main', the
-- default id, so that instance carries on where it was.
ALTER TABLE watchlist_entry ADD COLUMN instance_id VARCHAR(64) NOT NULL DEFAULT 'main';
ALTER TABLE watchlist_entry ALTER COLUMN instance_id DROP DEFAULT;
ALTER TABLE watchlist_entry DROP CONSTRAINT watchlist_entry_pkey;
ALTER TABLE watchlist_entry ADD PRIMARY KEY (instance_id, entry_id);

ALTER TABLE subject_link ADD COLUMN instance_id VARCHAR(64) NOT NULL DEFAULT 'main';
ALTER TABLE subject_link ALTER COLUMN instance_id DROP DEFAULT;
ALTER TABLE subject_link DROP CONSTRAINT subject_link_pkey;
ALTER TABLE subject_link ADD PRIMARY KEY (instance_id, designation_a, designation_b);

ALTER TABLE consumer_position ADD COLUMN instance_id VARCHAR(64) NOT NULL DEFAULT 'main';
ALTER TABLE consumer_position ALTER COLUMN instance_id DROP DEFAULT;
ALTER TABLE consumer_position DROP CONSTRAINT consumer_position_pkey;
ALTER TABLE consumer_position ADD PRIMARY KEY (instance_id, topic, kafka_partition);
