-- Money is kept exact in its currency's minor units, which reach three decimals (BHD, KWD fils): every
-- money column widens from numeric(14,2) to numeric(15,3), still twelve integer digits. Existing
-- values keep their amounts; the service shows and publishes them in their currency's minor units.
ALTER TABLE deal
    ALTER COLUMN amount TYPE numeric(15,3),
    ALTER COLUMN final_amount TYPE numeric(15,3),
    ALTER COLUMN mrr_amount TYPE numeric(15,3);

ALTER TABLE deal_proposal
    ALTER COLUMN subtotal TYPE numeric(15,3),
    ALTER COLUMN discount TYPE numeric(15,3),
    ALTER COLUMN total TYPE numeric(15,3);

ALTER TABLE deal_proposal_line
    ALTER COLUMN unit_price TYPE numeric(15,3),
    ALTER COLUMN subtotal TYPE numeric(15,3),
    ALTER COLUMN discount TYPE numeric(15,3),
    ALTER COLUMN total TYPE numeric(15,3);
