-- Analysts' decisions that two designations are, or are not, the same real-world subject: one row per pair,
-- its latest decision. Each change is a compliance record (who, when, why) and goes out as an event.
CREATE TABLE subject_link (
    -- the pair in canonical order, smaller id first, so (a, b) and (b, a) are one row
    designation_a UUID         NOT NULL REFERENCES designation (id),
    designation_b UUID         NOT NULL REFERENCES designation (id),
    relation      VARCHAR(32)  NOT NULL CHECK (relation IN ('SAME_SUBJECT', 'DIFFERENT_SUBJECTS')),
    comment       TEXT         NOT NULL,
    decided_by    VARCHAR(256) NOT NULL,
    decided_at    TIMESTAMPTZ  NOT NULL,
    -- goes up by one on every change of the pair's decision; consumers apply only newer versions
    version       INTEGER      NOT NULL,
    PRIMARY KEY (designation_a, designation_b),
    CHECK (designation_a < designation_b)
);

-- the links touching a designation: by designation_a through the primary key, by designation_b here
CREATE INDEX subject_link_designation_b ON subject_link (designation_b);
