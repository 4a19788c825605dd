-- The portfolio of a monitored party's screening (NULL for a screening asked directly): its receipt, which names
-- the party, is then seen only by tokens that cover the portfolio, like the party itself.
ALTER TABLE screening_receipt ADD COLUMN portfolio VARCHAR(64);
ALTER TABLE screening_batch ADD COLUMN portfolio VARCHAR(64);
