-- Customers, onboarded from won deals; health and the next renewal date are kept on the row so that
-- lists filter on them.
CREATE TABLE customer (
    id                  uuid PRIMARY KEY,
    company_name        varchar(200) NOT NULL,
    -- company_name lower-cased with single spaces: how a further won deal finds its customer.
    company_key         varchar(200) NOT NULL,
    domain              varchar(253),
    contact_first_name  varchar(100),
    contact_last_name   varchar(100),
    contact_email       varchar(254),
    contact_phone       varchar(40),
    notes               varchar(5000),
    status              varchar(16)  NOT NULL,
    csm_id              uuid,
    lead_id             uuid,
    deal_id             uuid         NOT NULL,
    health_score        integer      NOT NULL CHECK (health_score BETWEEN 0 AND 100),
    health_band         varchar(8)   NOT NULL,
    health_reasons      text         NOT NULL,
    health_computed_on  date         NOT NULL,
    last_touchpoint_at  timestamptz,
    next_renewal_date   date,
    churn_reason        varchar(32),
    churned_at          timestamptz,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL
);
-- One ACTIVE customer per company name: onboarding matches on it, so two would be ambiguous. A
-- churned company that is won again becomes a new customer.
CREATE UNIQUE INDEX customer_active_company ON customer (company_key) WHERE status = 'ACTIVE';
CREATE INDEX customer_domain ON customer (domain) WHERE status = 'ACTIVE' AND domain IS NOT NULL;
CREATE INDEX customer_csm ON customer (csm_id, id);
CREATE INDEX customer_next_renewal ON customer (next_renewal_date, id);
CREATE INDEX customer_health_due ON customer (health_computed_on) WHERE status = 'ACTIVE';

-- Contracts: in force on [start_date, end_date); end_date = start_date + term_months.
CREATE TABLE contract (
    id          uuid PRIMARY KEY,
    customer_id uuid          NOT NULL REFERENCES customer (id),
    deal_id     uuid,
    renewal_id  uuid,
    start_date  date          NOT NULL,
    end_date    date          NOT NULL CHECK (end_date > start_date),
    term_months integer       NOT NULL CHECK (term_months BETWEEN 1 AND 120),
    mrr_amount  numeric(15,3) NOT NULL CHECK (mrr_amount >= 0),
    currency    char(3)       NOT NULL,
    status      varchar(16)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    version     bigint        NOT NULL
);
-- One contract per won deal, whichever event (or redelivery) carries it.
CREATE UNIQUE INDEX contract_one_per_deal ON contract (deal_id) WHERE deal_id IS NOT NULL;
CREATE INDEX contract_customer ON contract (customer_id, start_date, id);
CREATE INDEX contract_active_end ON contract (end_date, id) WHERE status = 'ACTIVE';

-- One renewal per contract term, opened before the contract ends and decided once.
CREATE TABLE renewal (
    id              uuid PRIMARY KEY,
    customer_id     uuid          NOT NULL REFERENCES customer (id),
    contract_id     uuid          NOT NULL UNIQUE REFERENCES contract (id),
    due_date        date          NOT NULL,
    current_mrr     numeric(15,3) NOT NULL,
    currency        char(3)       NOT NULL,
    status          varchar(16)   NOT NULL,
    new_contract_id uuid REFERENCES contract (id),
    churn_reason    varchar(32),
    churn_note      varchar(2000),
    decided_by      varchar(64),
    decided_at      timestamptz,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL,
    version         bigint        NOT NULL
);
CREATE INDEX renewal_due ON renewal (due_date, id);
CREATE INDEX renewal_customer ON renewal (customer_id, status);

-- Touchpoints: each one is also the customer's latest contact.
CREATE TABLE check_in (
    id          uuid PRIMARY KEY,
    customer_id uuid         NOT NULL REFERENCES customer (id),
    type        varchar(16)  NOT NULL,
    sentiment   varchar(16)  NOT NULL,
    notes       varchar(5000),
    recorded_by varchar(64)  NOT NULL,
    recorded_at timestamptz  NOT NULL
);
CREATE INDEX check_in_customer ON check_in (customer_id, id);

CREATE TABLE feedback (
    id          uuid PRIMARY KEY,
    customer_id uuid         NOT NULL REFERENCES customer (id),
    score       integer      NOT NULL CHECK (score BETWEEN 0 AND 10),
    category    varchar(16)  NOT NULL,
    comment     varchar(5000),
    recorded_by varchar(64)  NOT NULL,
    recorded_at timestamptz  NOT NULL
);
CREATE INDEX feedback_customer ON feedback (customer_id, id);

CREATE TABLE review (
    id          uuid PRIMARY KEY,
    customer_id uuid          NOT NULL REFERENCES customer (id),
    platform    varchar(32)   NOT NULL,
    rating      integer       NOT NULL CHECK (rating BETWEEN 1 AND 5),
    url         varchar(2000),
    recorded_by varchar(64)   NOT NULL,
    recorded_at timestamptz   NOT NULL
);
CREATE INDEX review_customer ON review (customer_id, id);

CREATE TABLE referral (
    id                 uuid PRIMARY KEY,
    customer_id        uuid         NOT NULL REFERENCES customer (id),
    company_name       varchar(200),
    contact_first_name varchar(100) NOT NULL,
    contact_last_name  varchar(100) NOT NULL,
    contact_email      varchar(254) NOT NULL,
    contact_phone      varchar(40),
    contact_title      varchar(100),
    note               varchar(2000),
    recorded_by        varchar(64)  NOT NULL,
    recorded_at        timestamptz  NOT NULL
);
CREATE INDEX referral_customer ON referral (customer_id, id);

-- MRR movements of existing contracts (expansions and contractions), kept for the health score.
CREATE TABLE revenue_movement (
    id          uuid PRIMARY KEY,
    customer_id uuid          NOT NULL REFERENCES customer (id),
    contract_id uuid          NOT NULL REFERENCES contract (id),
    direction   varchar(16)   NOT NULL,
    kind        varchar(16)   NOT NULL,
    mrr_before  numeric(15,3) NOT NULL,
    mrr_after   numeric(15,3) NOT NULL,
    currency    char(3)       NOT NULL,
    reason      varchar(2000),
    deal_id     uuid,
    renewal_id  uuid,
    recorded_by varchar(64)   NOT NULL,
    recorded_at timestamptz   NOT NULL
);
CREATE INDEX revenue_movement_customer ON revenue_movement (customer_id, direction, recorded_at);

-- Round-robin assignment of onboarded customers: one shared counter, advanced atomically.
CREATE TABLE assignment_rotation (
    name     varchar(64) PRIMARY KEY,
    position bigint      NOT NULL
);
