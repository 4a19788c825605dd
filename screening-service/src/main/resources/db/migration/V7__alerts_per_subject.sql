-- An alert is raised per monitored party and subject (one person or entity, however many authorities list it):
-- a further listing of a subject that already has a standing alert for the party is evidence on that alert.
ALTER TABLE alert ADD COLUMN subject_id VARCHAR(64);
CREATE INDEX alert_live_by_subject ON alert (portfolio, party_id, subject_id) WHERE status IN ('OPEN', 'TRUE_MATCH');

-- The further listings behind an alert, beside the one that raised it (alert.entry_id). One row per listing; a
-- listing whose hit went away stays as history (removed_at), and a newer version of it updates its row.
CREATE TABLE alert_evidence (
    alert_id        UUID         NOT NULL REFERENCES alert (alert_id),
    entry_id        UUID         NOT NULL,
    entry_version   INTEGER      NOT NULL,
    party_version   INTEGER      NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    party           JSONB        NOT NULL,  -- the party as screened
    match           JSONB        NOT NULL,  -- the match as found, with its explanation
    trigger         JSONB        NOT NULL,
    watchlist_version VARCHAR(64) NOT NULL,
    threshold       DOUBLE PRECISION NOT NULL,
    added_at        TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    removed_at      TIMESTAMPTZ,
    removed_reason  VARCHAR(16),
    PRIMARY KEY (alert_id, entry_id)
);
CREATE INDEX alert_evidence_live_by_entry ON alert_evidence (entry_id) WHERE removed_at IS NULL;
