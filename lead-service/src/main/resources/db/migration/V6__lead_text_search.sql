-- Text search (q) without a sequential scan: one trigram index per field that the search ORs, on exactly
-- the expression LeadSearch.text matches with "LIKE '%text%'", so that the plan is a BitmapOr of index
-- scans. One index per field, not one on all fields joined: that would also match across fields, which
-- the search does not. Trigrams need 3 characters: a 2-character q still scans (it is allowed and rare).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- first_name and last_name are NOT NULL, so "||" is the same as the concat() it replaces, and it is
-- IMMUTABLE, which an index expression must be (concat() is only STABLE).
CREATE INDEX lead_search_name ON lead USING gin (lower(first_name || ' ' || last_name) gin_trgm_ops);
CREATE INDEX lead_search_email ON lead USING gin (lower(email) gin_trgm_ops);
CREATE INDEX lead_search_company ON lead USING gin (lower(company_name) gin_trgm_ops);
