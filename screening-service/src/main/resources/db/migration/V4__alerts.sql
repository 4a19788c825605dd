-- Hits of monitored parties on the watchlist. One row per (party version, entry version) that matched: the same
-- pair never alerts twice, and a new row appears only when the entry or, after a dismissal, the party changed.
CREATE TABLE alert (
    alert_id          UUID PRIMARY KEY,
    portfolio         VARCHAR(64)  NOT NULL,
    party_id          VARCHAR(128) NOT NULL,
    party_version     INTEGER      NOT NULL,
    entry_id          UUID         NOT NULL,
    entry_version     INTEGER      NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    -- OPEN (undecided), FALSE_POSITIVE, TRUE_MATCH (decided), SUPERSEDED (a newer entry version alerted),
    -- CLEARED (the hit went away: delisting, amendment, party change or removal)
    status            VARCHAR(16)  NOT NULL,
    party             JSONB        NOT NULL,  -- the party as screened
    match             JSONB        NOT NULL,  -- the match as found, with its explanation
    trigger           JSONB        NOT NULL,  -- what caused the screening: a designation event or a party change
    watchlist_version VARCHAR(64)  NOT NULL,
    algorithm         VARCHAR(64)  NOT NULL,
    threshold         DOUBLE PRECISION NOT NULL,
    found_at          TIMESTAMPTZ  NOT NULL,
    disposition       VARCHAR(16),            -- the analyst's decision, kept after the alert is cleared
    disposition_comment TEXT,
    decided_at        TIMESTAMPTZ,
    cleared_at        TIMESTAMPTZ,
    cleared_reason    VARCHAR(16),
    updated_at        TIMESTAMPTZ  NOT NULL,
    UNIQUE (portfolio, party_id, entry_id, entry_version, party_version)
);
CREATE INDEX alert_by_portfolio ON alert (portfolio, status, found_at DESC);
CREATE INDEX alert_by_party ON alert (portfolio, party_id, entry_id);
CREATE INDEX alert_live_by_entry ON alert (entry_id) WHERE status IN ('OPEN', 'TRUE_MATCH');

-- screening.alerts events, written in the transaction that changed the alert and published by the relay.
CREATE TABLE alert_outbox (
    sequence      BIGSERIAL    PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,  -- ce_id
    event_type    VARCHAR(64)  NOT NULL,         -- screening.match.found or screening.match.cleared
    event_key     VARCHAR(200) NOT NULL,         -- record key portfolio/partyId: one party's events stay in order
    subject       VARCHAR(64)  NOT NULL,         -- ce_subject: the alert id
    payload       JSONB        NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    published_at  TIMESTAMPTZ
);
CREATE INDEX alert_outbox_unpublished ON alert_outbox (sequence) WHERE published_at IS NULL;
