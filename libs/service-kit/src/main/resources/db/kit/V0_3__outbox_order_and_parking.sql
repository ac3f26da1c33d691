-- Per-aggregate order from a database sequence instead of created_at (the writer's clock), and
-- parking of events Kafka refuses for good, so that they no longer stall the relay.

ALTER TABLE outbox ADD COLUMN seq bigint;
-- Rows already in the table keep the order the relay gave them so far.
UPDATE outbox o SET seq = n.seq
FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS seq FROM outbox) n
WHERE o.id = n.id;
ALTER TABLE outbox ALTER COLUMN seq SET NOT NULL;
ALTER TABLE outbox ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('outbox', 'seq'), (SELECT COALESCE(max(seq), 0) + 1 FROM outbox), false);

-- Set by the relay when Kafka refuses an event for good: it skips the row until parked_at is cleared.
ALTER TABLE outbox ADD COLUMN parked_at timestamptz, ADD COLUMN park_reason text;

DROP INDEX outbox_pending;
DROP INDEX outbox_pending_by_aggregate;
CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_pending_by_aggregate ON outbox (aggregate_type, aggregate_id, seq)
    WHERE published_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_parked ON outbox (seq) WHERE parked_at IS NOT NULL;
