-- Sales pipelines: ordered stages, each with the probability that a deal in it is won.
CREATE TABLE pipeline (
    id         uuid PRIMARY KEY,
    name       varchar(100) NOT NULL UNIQUE,
    is_default boolean      NOT NULL,
    created_at timestamptz  NOT NULL
);
-- At most one default pipeline: the one new deals (and hand-offs) start in.
CREATE UNIQUE INDEX pipeline_one_default ON pipeline (is_default) WHERE is_default;

CREATE TABLE pipeline_stage (
    pipeline_id     uuid         NOT NULL REFERENCES pipeline (id),
    code            varchar(40)  NOT NULL,
    name            varchar(100) NOT NULL,
    position        integer      NOT NULL,
    win_probability numeric(3,2) NOT NULL CHECK (win_probability BETWEEN 0 AND 1),
    closed          boolean      NOT NULL,
    won             boolean      NOT NULL,
    PRIMARY KEY (pipeline_id, code),
    UNIQUE (pipeline_id, position),
    CHECK (closed OR NOT won)
);

INSERT INTO pipeline (id, name, is_default, created_at)
VALUES ('01930000-0000-7000-8000-000000000001', 'Default', true, '2026-01-01T00:00:00Z');
INSERT INTO pipeline_stage (pipeline_id, code, name, position, win_probability, closed, won) VALUES
    ('01930000-0000-7000-8000-000000000001', 'DISCOVERY',   'Discovery',   1, 0.20, false, false),
    ('01930000-0000-7000-8000-000000000001', 'DEMO',        'Demo',        2, 0.40, false, false),
    ('01930000-0000-7000-8000-000000000001', 'PROPOSAL',    'Proposal',    3, 0.60, false, false),
    ('01930000-0000-7000-8000-000000000001', 'NEGOTIATION', 'Negotiation', 4, 0.80, false, false),
    ('01930000-0000-7000-8000-000000000001', 'CLOSED_WON',  'Closed won',  5, 1.00, true,  true),
    ('01930000-0000-7000-8000-000000000001', 'CLOSED_LOST', 'Closed lost', 6, 0.00, true,  false);

CREATE TABLE deal (
    id                  uuid PRIMARY KEY,
    name                varchar(200)  NOT NULL,
    company_name        varchar(200),
    contact_first_name  varchar(100),
    contact_last_name   varchar(100),
    contact_email       varchar(254),
    contact_phone       varchar(40),
    amount              numeric(14,2) NOT NULL CHECK (amount >= 0),
    currency            char(3)       NOT NULL,
    expected_close_date date,
    pipeline_id         uuid          NOT NULL REFERENCES pipeline (id),
    stage_code          varchar(40)   NOT NULL,
    stage_entered_at    timestamptz   NOT NULL,
    status              varchar(16)   NOT NULL,
    owner_id            uuid          NOT NULL,
    lead_id             uuid,
    final_amount        numeric(14,2),
    final_currency      char(3),
    contract_start_date date,
    contract_term_months integer,
    mrr_amount          numeric(14,2),
    mrr_currency        char(3),
    lost_reason         varchar(32),
    lost_competitor     varchar(200),
    closed_at           timestamptz,
    created_by          varchar(64)   NOT NULL,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    version             bigint        NOT NULL,
    FOREIGN KEY (pipeline_id, stage_code) REFERENCES pipeline_stage (pipeline_id, code)
);
-- Exactly one deal per handed-off lead, however often the hand-off event arrives.
CREATE UNIQUE INDEX deal_one_per_lead ON deal (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX deal_owner ON deal (owner_id, id);
CREATE INDEX deal_stage ON deal (pipeline_id, stage_code, id);
CREATE INDEX deal_expected_close ON deal (expected_close_date, id);
