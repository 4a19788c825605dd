-- The audit trail of the service whose database this is: who did what, and when. Written by the API in the
-- transaction of each change (AuditTrail), only read through it. The triggers make it append-only for every
-- database user, the service's own included. A repeatable migration, shared by the three services through their
-- flyway locations: it must stay safe to run again (IF NOT EXISTS, OR REPLACE) whenever it changes.
CREATE TABLE IF NOT EXISTS audit_record (
    id          BIGSERIAL   PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor       TEXT        NOT NULL,
    roles       TEXT[]      NOT NULL,
    action      TEXT        NOT NULL,
    target      TEXT        NOT NULL,
    detail      JSONB       NOT NULL
);

-- the portfolio a record concerns, so an auditor sees only the portfolios the token covers: a monitored party
-- (party/<portfolio>/<id>), a bulk upsert (portfolio/<portfolio>) or an alert decision (its detail names it);
-- NULL for everything else (designations, reference data, subscriptions), which every auditor sees
ALTER TABLE audit_record ADD COLUMN IF NOT EXISTS portfolio TEXT GENERATED ALWAYS AS (
    CASE
        WHEN starts_with(target, 'party/') OR starts_with(target, 'portfolio/') THEN split_part(target, '/', 2)
        WHEN starts_with(target, 'alert/') THEN detail ->> 'portfolio'
    END) STORED;

CREATE INDEX IF NOT EXISTS audit_record_actor ON audit_record (actor, id);
CREATE INDEX IF NOT EXISTS audit_record_portfolio ON audit_record (portfolio, id);
CREATE INDEX IF NOT EXISTS audit_record_target ON audit_record (target, id);
CREATE INDEX IF NOT EXISTS audit_record_recorded_at ON audit_record (recorded_at);

CREATE OR REPLACE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
END
$$;

DROP TRIGGER IF EXISTS audit_record_no_update_or_delete ON audit_record;
CREATE TRIGGER audit_record_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
DROP TRIGGER IF EXISTS audit_record_no_truncate ON audit_record;
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();
