-- Infrastructure tables of libs/service-kit, applied by every service beside its own migrations.

-- Transactional outbox, in the column layout that Debezium's outbox event router also reads.
CREATE TABLE outbox (
    id             uuid PRIMARY KEY,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    type           text        NOT NULL,
    payload        jsonb       NOT NULL,
    created_at     timestamptz NOT NULL,
    published_at   timestamptz
);
CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE published_at IS NULL;
CREATE INDEX outbox_pending_by_aggregate ON outbox (aggregate_type, aggregate_id, created_at, id)
    WHERE published_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Wakes the relay when a transaction that wrote events commits (NOTIFY is delivered at commit).
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- Events a consumer has applied, written in the same transaction as the effect.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key of POST requests: claimed before the write, completed in the write's transaction.
CREATE TABLE idempotency_key (
    caller            text        NOT NULL,
    key               text        NOT NULL,
    request_hash      text        NOT NULL,
    response_status   integer,
    response_body     text,
    response_location text,
    created_at        timestamptz NOT NULL,
    completed_at      timestamptz,
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
