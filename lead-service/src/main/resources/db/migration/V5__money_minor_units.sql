-- Money in its currency's minor units: BHD, KWD and the like have three decimals. Twelve integer digits stay.
ALTER TABLE lead
    ALTER COLUMN estimated_amount TYPE numeric(15, 3),
    ALTER COLUMN budget_amount    TYPE numeric(15, 3);
