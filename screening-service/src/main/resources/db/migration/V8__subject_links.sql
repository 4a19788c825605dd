-- Analysts' latest decision on each pair of designations, as designation-service announced it
-- (sanctions.subject.linked / .unlinked): the subject grouping takes them beside the watchlist entries. Written in
-- the transaction of the consumer's positions, like watchlist_entry; no reference to it, since a link may arrive
-- before its listings do.
CREATE TABLE subject_link (
    designation_a UUID         NOT NULL,     -- the pair in canonical order, smaller id first
    designation_b UUID         NOT NULL,
    relation      VARCHAR(32)  NOT NULL,     -- SAME_SUBJECT or DIFFERENT_SUBJECTS
    version       INTEGER      NOT NULL,     -- the pair's version; an event not newer than this is ignored
    event_id      VARCHAR(128),
    event_time    TIMESTAMPTZ,
    applied_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (designation_a, designation_b)
);
