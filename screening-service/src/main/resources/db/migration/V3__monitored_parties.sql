-- A customer book to monitor, kept apart per portfolio (a team or a client). The version increases with every
-- change, so that a decision about a hit can be tied to the party as it was.
CREATE TABLE monitored_party (
    portfolio     VARCHAR(64)  NOT NULL,
    party_id      VARCHAR(128) NOT NULL,
    name          TEXT         NOT NULL,
    subject_type  VARCHAR(16),
    birth_date    VARCHAR(10),
    country       VARCHAR(2),
    version       INTEGER      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (portfolio, party_id)
);
