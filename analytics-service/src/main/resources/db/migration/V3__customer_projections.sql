-- Retention projections (customer-success events), in both projection schemas. The service rebuilds
-- from the log at start because RebuildService.PROJECTION_VERSION moved on with this migration.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['analytics_a', 'analytics_b'] LOOP
        EXECUTE format($t$CREATE TABLE %I.customer_fact (
            customer_id   uuid PRIMARY KEY,
            onboarded_at  timestamptz,
            churned_at    timestamptz,
            csm_id        uuid,
            csm_version   bigint NOT NULL DEFAULT -1)$t$, s);
        EXECUTE format('CREATE INDEX ON %I.customer_fact (onboarded_at)', s);
        -- Signed MRR history: a customer's MRR at t is the sum of its movements before t.
        EXECUTE format($t$CREATE TABLE %I.mrr_movement (
            event_id     text          NOT NULL,
            currency     char(3)       NOT NULL,
            customer_id  uuid          NOT NULL,
            occurred_at  timestamptz   NOT NULL,
            kind         varchar(16)   NOT NULL,
            amount       numeric(16,2) NOT NULL,
            PRIMARY KEY (event_id, currency))$t$, s);
        EXECUTE format('CREATE INDEX ON %I.mrr_movement (customer_id, occurred_at)', s);
        EXECUTE format('CREATE INDEX ON %I.mrr_movement (occurred_at) INCLUDE (customer_id, kind, currency, amount)', s);
        EXECUTE format($t$CREATE TABLE %I.renewal_outcome (
            renewal_id   uuid PRIMARY KEY,
            customer_id  uuid        NOT NULL,
            outcome      varchar(8)  NOT NULL,
            decided_at   timestamptz NOT NULL)$t$, s);
        EXECUTE format('CREATE INDEX ON %I.renewal_outcome (decided_at)', s);
        EXECUTE format($t$CREATE TABLE %I.nps_response (
            event_id     text PRIMARY KEY,
            customer_id  uuid        NOT NULL,
            occurred_at  timestamptz NOT NULL,
            score        smallint    NOT NULL)$t$, s);
        EXECUTE format('CREATE INDEX ON %I.nps_response (occurred_at)', s);
    END LOOP;
END;
$$;
