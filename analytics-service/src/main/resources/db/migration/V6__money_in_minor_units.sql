-- Money is kept exactly in its currency's minor units, three decimals included (BHD, KWD): deal
-- amounts widen from numeric(14,2) to numeric(15,3) and MRR movements from numeric(16,2) to
-- numeric(17,3), the same 12 and 14 integer digits. Stored values keep their value (1250.00 becomes
-- 1250.000) and reads show each amount in its currency's minor units, so EUR still reads "1250.00".
-- PROJECTION_VERSION 5: the service rebuilds at start, which restores from the log the third decimal
-- the old columns rounded away, under the kit's reading of events (an ISO-4217 code in every amount).
DO $$
DECLARE
    s text;
BEGIN
    FOREACH s IN ARRAY ARRAY['analytics_a', 'analytics_b'] LOOP
        EXECUTE format('ALTER TABLE %I.deal_fact ALTER COLUMN amount TYPE numeric(15,3), '
            'ALTER COLUMN final_amount TYPE numeric(15,3)', s);
        EXECUTE format('ALTER TABLE %I.mrr_movement ALTER COLUMN amount TYPE numeric(17,3)', s);
    END LOOP;
END;
$$;
