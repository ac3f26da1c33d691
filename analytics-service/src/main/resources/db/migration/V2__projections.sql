-- Projections are a pure function of the event log. They live in two identical schemas: readers use
-- the active one while a rebuild replays the log into the other, then the two swap (no downtime).
-- The first projection (public.lead_fact) is replaced: the service replays the log at start when
-- projection_state.built_version is behind its code.
DROP TABLE lead_fact;

CREATE TABLE projection_state (
    id                integer     PRIMARY KEY CHECK (id = 1),
    active_schema     text        NOT NULL,
    building_schema   text,
    built_version     integer     NOT NULL,
    rebuild_id        uuid,
    rebuild_started   timestamptz,
    rebuild_heartbeat timestamptz,
    rebuild_finished  timestamptz,
    rebuild_total     bigint,
    rebuild_done      bigint,
    rebuild_error     text
);
INSERT INTO projection_state (id, active_schema, built_version) VALUES (1, 'analytics_a', 0);

-- Targets are entered by managers, not derived from events: outside the projections.
CREATE TABLE rep_target (
    rep_id       uuid          NOT NULL,
    period_start date          NOT NULL,
    period_kind  varchar(8)    NOT NULL,
    metric       varchar(32)   NOT NULL,
    value        numeric(16,4) NOT NULL CHECK (value >= 0),
    currency     char(3),
    set_by       text          NOT NULL,
    set_at       timestamptz   NOT NULL,
    PRIMARY KEY (rep_id, period_kind, period_start, metric)
);

DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['analytics_a', 'analytics_b'] LOOP
        EXECUTE format('CREATE SCHEMA %I', s);
        -- Events applied to this schema (at most once each).
        EXECUTE format('CREATE TABLE %I.applied_event (event_id text PRIMARY KEY)', s);
        -- Latest event time applied per topic partition: how far the figures are complete.
        EXECUTE format($t$CREATE TABLE %I.watermark (
            topic text NOT NULL, partition integer NOT NULL, event_time timestamptz NOT NULL,
            PRIMARY KEY (topic, partition))$t$, s);
        -- One row per lead. Every column is set by the events that carry it, whatever their order:
        -- first times by least(), latest values guarded by the aggregate version that set them.
        EXECUTE format($t$CREATE TABLE %I.lead_fact (
            lead_id        uuid PRIMARY KEY,
            created_at     timestamptz,
            source         text,
            owner_id       uuid,
            owner_version  bigint NOT NULL DEFAULT -1,
            contacted_at   timestamptz,
            qualified_at   timestamptz,
            handed_off_at  timestamptz)$t$, s);
        EXECUTE format('CREATE INDEX ON %I.lead_fact (created_at) INCLUDE (source, owner_id, contacted_at, qualified_at, handed_off_at)', s);
        EXECUTE format('CREATE INDEX ON %I.lead_fact (owner_id, created_at)', s);
        EXECUTE format($t$CREATE TABLE %I.deal_fact (
            deal_id           uuid PRIMARY KEY,
            lead_id           uuid,
            owner_id          uuid,
            owner_version     bigint NOT NULL DEFAULT -1,
            pipeline_id       uuid,
            created_at        timestamptz,
            stage             text,
            win_probability   numeric(5,4),
            stage_version     bigint NOT NULL DEFAULT -1,
            amount            numeric(14,2),
            amount_version    bigint NOT NULL DEFAULT -1,
            currency          char(3),
            currency_version  bigint NOT NULL DEFAULT -1,
            expected_close    date,
            close_version     bigint NOT NULL DEFAULT -1,
            won_at            timestamptz,
            final_amount      numeric(14,2),
            final_currency    char(3),
            lost_at           timestamptz,
            lost_reason       text)$t$, s);
        EXECUTE format('CREATE INDEX ON %I.deal_fact (lead_id) WHERE lead_id IS NOT NULL AND won_at IS NOT NULL', s);
        EXECUTE format('CREATE INDEX ON %I.deal_fact (won_at) WHERE won_at IS NOT NULL', s);
        EXECUTE format('CREATE INDEX ON %I.deal_fact (lost_at) WHERE lost_at IS NOT NULL', s);
        EXECUTE format('CREATE INDEX ON %I.deal_fact (owner_id) WHERE won_at IS NULL AND lost_at IS NULL', s);
    END LOOP;
END;
$$;
