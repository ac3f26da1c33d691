-- The deal team: sales specialists and other account executives who work a deal with its owner.
CREATE TABLE deal_team_member (
    deal_id  uuid        NOT NULL REFERENCES deal (id),
    user_id  uuid        NOT NULL,
    role     varchar(32) NOT NULL,
    added_by varchar(64) NOT NULL,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (deal_id, user_id)
);
-- "Deals I am on" for the deal list.
CREATE INDEX deal_team_member_user ON deal_team_member (user_id, deal_id);
