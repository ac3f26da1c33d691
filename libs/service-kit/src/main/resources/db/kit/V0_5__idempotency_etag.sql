-- A replayed command answers with the ETag of the version it wrote, like the first answer.
ALTER TABLE idempotency_key ADD COLUMN response_etag text;
