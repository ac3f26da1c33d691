-- Text search (q) without a sequential scan: one trigram index per field that the search ORs, on exactly
-- the expression DealRepository.search matches with "LIKE '%text%'", so that the plan is a BitmapOr of
-- index scans. One index per field, not one on both joined: that would also match across the two, which
-- the search does not. Trigrams need 3 characters: a 2-character q still scans (it is allowed and rare).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX deal_search_name ON deal USING gin (lower(name) gin_trgm_ops);
CREATE INDEX deal_search_company ON deal USING gin (lower(company_name) gin_trgm_ops);
