-- The full lead: company, attribution, score, value, qualification, disqualification, hand-off.
ALTER TABLE lead RENAME COLUMN company TO company_name;
ALTER TABLE lead
    ADD COLUMN company_website      varchar(255),
    ADD COLUMN company_employees    integer,
    ADD COLUMN company_industry     varchar(100),
    ADD COLUMN utm_source           varchar(200),
    ADD COLUMN utm_medium           varchar(200),
    ADD COLUMN utm_campaign         varchar(200),
    ADD COLUMN utm_term             varchar(200),
    ADD COLUMN utm_content          varchar(200),
    ADD COLUMN landing_page         varchar(2000),
    ADD COLUMN referrer             varchar(2000),
    ADD COLUMN estimated_amount     numeric(14, 2),
    ADD COLUMN estimated_currency   char(3),
    ADD COLUMN notes                varchar(5000),
    ADD COLUMN score                integer      NOT NULL DEFAULT 0,
    ADD COLUMN score_reasons        text         NOT NULL DEFAULT '[]',
    ADD COLUMN last_activity_at     timestamptz,
    ADD COLUMN budget_amount        numeric(14, 2),
    ADD COLUMN budget_currency      char(3),
    ADD COLUMN authority            varchar(500),
    ADD COLUMN need                 varchar(2000),
    ADD COLUMN timeline             date,
    ADD COLUMN qualified_at         timestamptz,
    ADD COLUMN disqualify_reason    varchar(32),
    ADD COLUMN disqualify_note      varchar(2000),
    ADD COLUMN disqualified_at      timestamptz,
    ADD COLUMN account_executive_id uuid,
    ADD COLUMN handed_off_at        timestamptz,
    ADD COLUMN referral_id          varchar(64);

ALTER TABLE lead ADD CONSTRAINT lead_score_range CHECK (score BETWEEN 0 AND 100);
ALTER TABLE lead ADD CONSTRAINT lead_amount_positive CHECK (estimated_amount >= 0 AND budget_amount >= 0);

-- De-duplication: one open lead per email, case-insensitively (the final guard against races).
DROP INDEX lead_email;
CREATE UNIQUE INDEX lead_open_email ON lead (lower(email)) WHERE status IN ('NEW', 'CONTACTED', 'QUALIFIED');
CREATE INDEX lead_email ON lead (lower(email));
-- A referral becomes one lead, however often its event is delivered.
CREATE UNIQUE INDEX lead_referral ON lead (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX lead_source ON lead (source, id);
CREATE INDEX lead_score ON lead (score, id);

CREATE TABLE lead_activity (
    id          uuid PRIMARY KEY,
    lead_id     uuid         NOT NULL REFERENCES lead (id),
    type        varchar(16)  NOT NULL,
    outcome     varchar(200),
    notes       varchar(5000),
    occurred_at timestamptz  NOT NULL,
    actor_id    varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX lead_activity_lead ON lead_activity (lead_id, occurred_at DESC, id DESC);

-- Round-robin assignment of new unassigned leads: one shared counter, advanced atomically.
CREATE TABLE assignment_rotation (
    name     varchar(64) PRIMARY KEY,
    position bigint      NOT NULL
);
