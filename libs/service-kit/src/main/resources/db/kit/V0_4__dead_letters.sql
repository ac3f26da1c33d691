-- Records a consumer could not apply (poison), kept as they were read so that an admin can list them
-- and redeliver them after a fix. One row per consumer and record; a record that fails again on
-- redelivery updates its row.
CREATE TABLE dead_letter (
    id               uuid PRIMARY KEY,
    consumer         text        NOT NULL,
    topic            text        NOT NULL,
    partition        integer     NOT NULL,
    record_offset    bigint      NOT NULL,
    record_key       bytea,
    record_value     bytea,
    -- [{"name": ..., "value": base64}], in record order
    headers          jsonb       NOT NULL,
    event_id         text,
    event_type       text,
    reason           text        NOT NULL,
    exception        text        NOT NULL,
    attempts         integer     NOT NULL,
    dead_lettered_at timestamptz NOT NULL,
    redelivered_at   timestamptz,
    UNIQUE (consumer, topic, partition, record_offset)
);
CREATE INDEX dead_letter_open ON dead_letter (dead_lettered_at, id) WHERE redelivered_at IS NULL;
