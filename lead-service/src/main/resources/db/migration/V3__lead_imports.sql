-- Bulk lead imports: the job, its staged rows (valid rows waiting to be imported) and its row errors.
-- A POST streams the body into these tables with status STAGING (seen by nobody) and makes the job
-- RECEIVED when the body is complete; workers of any instance then import the staged rows in batches.
CREATE TABLE lead_import (
    id            uuid PRIMARY KEY,
    status        varchar(16) NOT NULL,
    format        varchar(8)  NOT NULL,
    on_duplicate  varchar(8)  NOT NULL,
    created_by    varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL,
    -- Last sign of life of the request that is still staging; abandoned staging jobs are deleted.
    touched_at    timestamptz NOT NULL,
    completed_at  timestamptz,
    total         integer     NOT NULL DEFAULT 0,
    created       integer     NOT NULL DEFAULT 0,
    updated       integer     NOT NULL DEFAULT 0,
    skipped       integer     NOT NULL DEFAULT 0,
    failed        integer     NOT NULL DEFAULT 0,
    -- Every error found; only the first ones are kept in lead_import_error.
    errors_total  integer     NOT NULL DEFAULT 0,
    -- The body became unreadable part-way: the rows before that point are imported, the job ends FAILED.
    input_failed  boolean     NOT NULL DEFAULT false,
    -- The worker that holds the job, until lease_until; an expired lease lets another worker take over.
    claimed_by    uuid,
    lease_until   timestamptz,
    CONSTRAINT lead_import_status CHECK (status IN ('STAGING', 'RECEIVED', 'PROCESSING', 'COMPLETED', 'FAILED'))
);
CREATE INDEX lead_import_creator ON lead_import (created_by, id);
CREATE INDEX lead_import_open ON lead_import (id) WHERE status IN ('STAGING', 'RECEIVED', 'PROCESSING');

CREATE TABLE lead_import_row (
    import_id  uuid    NOT NULL REFERENCES lead_import (id) ON DELETE CASCADE,
    row_number integer NOT NULL,
    payload    jsonb   NOT NULL,
    PRIMARY KEY (import_id, row_number)
);

CREATE TABLE lead_import_error (
    import_id  uuid          NOT NULL REFERENCES lead_import (id) ON DELETE CASCADE,
    seq        integer       NOT NULL,
    row_number integer       NOT NULL,
    field      varchar(200),
    message    varchar(1000) NOT NULL,
    PRIMARY KEY (import_id, seq)
);
