-- The funnel's "won" kept on the lead itself (from deal.won.v1's leadId) instead of a probe into
-- deal_fact per lead, and indexes that answer the funnel and the pipeline from the index alone.
-- PROJECTION_VERSION 3: the service rebuilds at start to fill won_at.
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['analytics_a', 'analytics_b'] LOOP
        EXECUTE format('ALTER TABLE %I.lead_fact ADD COLUMN won_at timestamptz', s);
        EXECUTE format('DROP INDEX %I.lead_fact_created_at_source_owner_id_contacted_at_qualified_idx', s);
        EXECUTE format('CREATE INDEX lead_fact_cohort ON %I.lead_fact (created_at) INCLUDE (source, owner_id, '
            'contacted_at, qualified_at, handed_off_at, won_at)', s);
        EXECUTE format('DROP INDEX %I.deal_fact_owner_id_idx', s);
        EXECUTE format('DROP INDEX %I.deal_fact_lead_id_idx', s);
        EXECUTE format('CREATE INDEX deal_fact_open ON %I.deal_fact (owner_id) INCLUDE (pipeline_id, stage, '
            'win_probability, currency, amount, expected_close) WHERE created_at IS NOT NULL AND won_at IS NULL '
            'AND lost_at IS NULL', s);
    END LOOP;
END;
$$;
