-- The audit trail: who did what, and when. Written by the API in the transaction of each change; only read
-- through the API. The triggers make it append-only for every database user, the service's own included.
CREATE TABLE audit_record (
    id          BIGSERIAL   PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor       TEXT        NOT NULL,
    roles       TEXT[]      NOT NULL,
    action      TEXT        NOT NULL,
    target      TEXT        NOT NULL,
    detail      JSONB       NOT NULL
);

CREATE INDEX audit_record_actor ON audit_record (actor, id);
CREATE INDEX audit_record_target ON audit_record (target, id);
CREATE INDEX audit_record_recorded_at ON audit_record (recorded_at);

CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER audit_record_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record
    FOR EACH STATEMENT EXECUTE FUNCTION audit_record_is_append_only();
