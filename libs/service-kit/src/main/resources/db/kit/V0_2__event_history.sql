-- Every event a service recorded, kept for good (unlike published outbox rows): the source of each
-- record's history (who did what, when).
CREATE TABLE event_history (
    id             uuid PRIMARY KEY,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    type           text        NOT NULL,
    actor_id       text,
    occurred_at    timestamptz NOT NULL,
    payload        jsonb       NOT NULL
);
CREATE INDEX event_history_aggregate ON event_history (aggregate_type, aggregate_id, id);
