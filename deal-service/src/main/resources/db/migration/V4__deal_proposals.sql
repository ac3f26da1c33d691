-- Proposals: numbered versions per deal, immutable once written except for their status. Totals are
-- computed by the service and stored, so what a customer was sent never changes.
CREATE TABLE deal_proposal (
    id               uuid          PRIMARY KEY,
    deal_id          uuid          NOT NULL REFERENCES deal (id),
    number           integer       NOT NULL CHECK (number >= 1),
    status           varchar(16)   NOT NULL,
    currency         char(3)       NOT NULL,
    subtotal         numeric(14,2) NOT NULL CHECK (subtotal >= 0),
    discount         numeric(14,2) NOT NULL CHECK (discount >= 0),
    total            numeric(14,2) NOT NULL CHECK (total >= 0),
    valid_until      date          NOT NULL,
    notes            varchar(2000),
    rejection_reason varchar(500),
    created_by       varchar(64)   NOT NULL,
    created_at       timestamptz   NOT NULL,
    sent_at          timestamptz,
    decided_by       varchar(64),
    decided_at       timestamptz,
    UNIQUE (deal_id, number)
);
-- At most one accepted proposal per deal: the one the deal's amount comes from.
CREATE UNIQUE INDEX deal_proposal_one_accepted ON deal_proposal (deal_id) WHERE status = 'ACCEPTED';

CREATE TABLE deal_proposal_line (
    proposal_id      uuid          NOT NULL REFERENCES deal_proposal (id),
    position         integer       NOT NULL,
    product          varchar(200)  NOT NULL,
    description      varchar(1000),
    quantity         numeric(11,4) NOT NULL CHECK (quantity > 0),
    unit_price       numeric(14,2) NOT NULL CHECK (unit_price >= 0),
    discount_percent numeric(5,2)  NOT NULL CHECK (discount_percent BETWEEN 0 AND 100),
    subtotal         numeric(14,2) NOT NULL,
    discount         numeric(14,2) NOT NULL,
    total            numeric(14,2) NOT NULL,
    PRIMARY KEY (proposal_id, position)
);
