-- What the syncs of each configured list source (list-sources.* in the configuration) last saw: the validators of
-- the conditional request, the content it imported, and how the last attempt went. One row per list.
CREATE TABLE list_source_state (
    list_code        VARCHAR(64)  PRIMARY KEY,
    validators       JSONB        NOT NULL DEFAULT '{}',  -- per URL: {"etag", "lastModified"} of the last download
    content_hash     VARCHAR(64),                         -- SHA-256 of the last imported content
    content_size     BIGINT,
    last_attempt_at  TIMESTAMPTZ,
    last_success_at  TIMESTAMPTZ,
    last_change_at   TIMESTAMPTZ,                         -- the last import that listed, amended or delisted anything
    last_outcome     VARCHAR(16),
    last_error       TEXT
);

-- Every import of a list, uploaded or synced, with its report: the history an auditor and an operator read.
CREATE TABLE list_import (
    import_id      UUID         PRIMARY KEY,
    list_code      VARCHAR(64),                 -- null when the file could not be read far enough to know its list
    format         VARCHAR(64)  NOT NULL,
    trigger        VARCHAR(16)  NOT NULL,       -- SCHEDULE, MANUAL (sync now) or UPLOAD
    actor          VARCHAR(256) NOT NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    finished_at    TIMESTAMPTZ  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,       -- IMPORTED, UNCHANGED, FAILED (download) or REFUSED (the file)
    content_hash   VARCHAR(64),
    content_size   BIGINT,
    files          JSONB        NOT NULL DEFAULT '[]',
    report         JSONB,
    error          TEXT
);
CREATE INDEX list_import_by_time ON list_import (started_at DESC, import_id);
CREATE INDEX list_import_by_list ON list_import (list_code, started_at DESC);
