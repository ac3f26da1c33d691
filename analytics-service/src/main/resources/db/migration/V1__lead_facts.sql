-- One row per lead, from lead.created: the cohort of the funnel by event time.
CREATE TABLE lead_fact (
    lead_id    uuid PRIMARY KEY,
    created_at timestamptz NOT NULL,
    source     varchar(32) NOT NULL,
    owner_id   uuid
);
CREATE INDEX lead_fact_created ON lead_fact (created_at);
CREATE INDEX lead_fact_owner_created ON lead_fact (owner_id, created_at);
CREATE INDEX lead_fact_source_created ON lead_fact (source, created_at);
