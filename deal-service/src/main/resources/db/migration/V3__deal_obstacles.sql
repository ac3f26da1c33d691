-- Obstacles in the buying process: what stands between the deal and its signature, until resolved.
CREATE TABLE deal_obstacle (
    id          uuid          PRIMARY KEY,
    deal_id     uuid          NOT NULL REFERENCES deal (id),
    type        varchar(32)   NOT NULL,
    notes       varchar(2000),
    status      varchar(16)   NOT NULL,
    resolution  varchar(2000),
    created_by  varchar(64)   NOT NULL,
    created_at  timestamptz   NOT NULL,
    resolved_by varchar(64),
    resolved_at timestamptz
);
CREATE INDEX deal_obstacle_deal ON deal_obstacle (deal_id, created_at);
