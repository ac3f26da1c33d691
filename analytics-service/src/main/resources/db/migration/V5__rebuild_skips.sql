-- A rebuild skips the records it cannot apply, and says how many and why (the first few reasons).
-- PROJECTION_VERSION 4: customer.assigned.v1 moves a customer's CSM, which projections built before
-- dead-lettered; the service rebuilds at start.
ALTER TABLE projection_state ADD COLUMN rebuild_skipped bigint, ADD COLUMN rebuild_skip_reasons jsonb;
