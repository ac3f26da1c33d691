-- Text search (q) without a sequential scan: one trigram index per field that the search ORs, on exactly
-- the expression CustomerRepository.search matches with "LIKE '%text%'", so that the plan is a BitmapOr
-- of index scans. One index per field, not one on all fields joined: that would also match across fields,
-- which the search does not. Trigrams need 3 characters: a 2-character q still scans (it is allowed and
-- rare). pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customer_search_company ON customer USING gin (lower(company_name) gin_trgm_ops);
CREATE INDEX customer_search_contact_first_name ON customer USING gin (lower(contact_first_name) gin_trgm_ops);
CREATE INDEX customer_search_contact_last_name ON customer USING gin (lower(contact_last_name) gin_trgm_ops);
CREATE INDEX customer_search_contact_email ON customer USING gin (lower(contact_email) gin_trgm_ops);
