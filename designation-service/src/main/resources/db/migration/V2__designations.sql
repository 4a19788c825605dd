-- Who can sanction (reference data; more are added with PUT /api/v1/authorities/{code}).
CREATE TABLE authority (
    code    VARCHAR(32)  PRIMARY KEY,
    name    VARCHAR(256) NOT NULL,
    country VARCHAR(2)
);

-- Sanctions programmes and regimes, each run by one authority, with the legal basis its designations default to.
CREATE TABLE programme (
    code           VARCHAR(64)  PRIMARY KEY,
    authority_code VARCHAR(32)  NOT NULL REFERENCES authority (code),
    name           VARCHAR(256) NOT NULL,
    legal_basis    VARCHAR(512)
);

-- The current state of every designation and countermeasure; the full document is in "state".
CREATE TABLE designation (
    id             UUID         PRIMARY KEY,
    kind           VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    version        INTEGER      NOT NULL,
    authority_code VARCHAR(32)  NOT NULL REFERENCES authority (code),
    source_list    VARCHAR(64)  NOT NULL,
    source_id      VARCHAR(128),
    primary_name   VARCHAR(512) NOT NULL,
    -- lower-cased primary name and aliases, for the browse filter q
    search_text    TEXT         NOT NULL,
    listed_on      DATE         NOT NULL,
    state          JSONB        NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

-- a list's entry is designated at most once at a time; after a delisting it may be listed again
CREATE UNIQUE INDEX designation_active_source_entry ON designation (source_list, source_id)
    WHERE source_id IS NOT NULL AND status = 'ACTIVE';
CREATE INDEX designation_authority ON designation (authority_code, status);
CREATE INDEX designation_listed_on ON designation (listed_on DESC, id);

-- Every version of every designation: who changed what, when.
CREATE TABLE designation_version (
    designation_id UUID         NOT NULL REFERENCES designation (id),
    version        INTEGER      NOT NULL,
    event_type     VARCHAR(64)  NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL,
    changed_by     VARCHAR(256) NOT NULL,
    state          JSONB        NOT NULL,
    changes        JSONB        NOT NULL,
    PRIMARY KEY (designation_id, version)
);

-- Responses to POSTs that carried an Idempotency-Key, replayed when the same request is retried.
CREATE TABLE idempotent_request (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    operation       VARCHAR(255) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    response_status INTEGER      NOT NULL,
    response_body   TEXT         NOT NULL,
    location        VARCHAR(1024),
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at);

INSERT INTO authority (code, name, country) VALUES
    ('US-OFAC', 'Office of Foreign Assets Control, U.S. Department of the Treasury', 'US'),
    ('US-BIS', 'Bureau of Industry and Security, U.S. Department of Commerce', 'US'),
    ('US-STATE', 'U.S. Department of State', 'US'),
    ('EU-COUNCIL', 'Council of the European Union', NULL),
    ('UK-FCDO', 'Foreign, Commonwealth & Development Office', 'GB'),
    ('UK-HMT', 'HM Treasury, Office of Financial Sanctions Implementation', 'GB'),
    ('CA-GAC', 'Global Affairs Canada', 'CA'),
    ('UN-SC', 'United Nations Security Council', NULL),
    ('CN-MFA', 'Ministry of Foreign Affairs of the People''s Republic of China', 'CN'),
    ('CN-MOFCOM', 'Ministry of Commerce of the People''s Republic of China', 'CN');

INSERT INTO programme (code, authority_code, name, legal_basis) VALUES
    ('GLOMAG', 'US-OFAC', 'Global Magnitsky sanctions', 'E.O. 13818; Global Magnitsky Human Rights Accountability Act'),
    ('CMIC', 'US-OFAC', 'Chinese Military-Industrial Complex Companies', 'E.O. 13959, as amended by E.O. 14032'),
    ('SDGT', 'US-OFAC', 'Specially Designated Global Terrorists', 'E.O. 13224'),
    ('ENTITY-LIST', 'US-BIS', 'Entity List', '15 CFR Part 744 Supp. 4'),
    ('DPL', 'US-BIS', 'Denied Persons List', '15 CFR Part 764'),
    ('EU-GHRSR', 'EU-COUNCIL', 'EU Global Human Rights Sanctions Regime', 'Council Regulation (EU) 2020/1998; Council Decision (CFSP) 2020/1999'),
    ('UK-GHR', 'UK-FCDO', 'Global Human Rights sanctions', 'The Global Human Rights Sanctions Regulations 2020'),
    ('CA-SEMA-CN', 'CA-GAC', 'Special Economic Measures (People''s Republic of China)', 'Special Economic Measures (People''s Republic of China) Regulations'),
    ('CN-COUNTERMEASURES', 'CN-MFA', 'Countermeasures against foreign sanctions', 'Anti-Foreign Sanctions Law'),
    ('CN-UNRELIABLE-ENTITY-LIST', 'CN-MOFCOM', 'Unreliable Entity List', 'Provisions on the Unreliable Entity List');
