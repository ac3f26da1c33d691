CREATE TABLE lead (
    id          uuid PRIMARY KEY,
    first_name  varchar(100) NOT NULL,
    last_name   varchar(100) NOT NULL,
    email       varchar(254) NOT NULL,
    phone       varchar(40),
    title       varchar(120),
    company     varchar(200),
    source      varchar(32)  NOT NULL,
    status      varchar(32)  NOT NULL,
    owner_id    uuid,
    created_by  varchar(64)  NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);
CREATE INDEX lead_status ON lead (status, id);
CREATE INDEX lead_owner ON lead (owner_id, id);
CREATE INDEX lead_email ON lead (lower(email));
