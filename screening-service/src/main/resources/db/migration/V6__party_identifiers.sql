-- A monitored party's identifiers as the client gave them ([{"type", "value", "country"}]); null for none, so
-- that parties stored before identifiers existed compare unchanged.
ALTER TABLE monitored_party ADD COLUMN identifiers JSONB;
