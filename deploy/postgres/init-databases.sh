#!/bin/sh
# One database and one login role per service, each role owning its database only, so that a service
# reaches its own data and nobody else's. The postgres image runs this once, on an empty data directory
# (/docker-entrypoint-initdb.d); the Kubernetes local overlay mounts it the same way.
# Passwords: <DATABASE>_DB_PASSWORD (docker-compose.yml passes them; the defaults are for local use only).
set -eu

create_database() { # create_database NAME PASSWORD
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set=name="$1" --set=password="$2" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
  echo "init-databases: database $1 owned by role $1"
}

create_database lead "${LEAD_DB_PASSWORD:-lead}"
create_database deal "${DEAL_DB_PASSWORD:-deal}"
create_database customer_success "${CUSTOMER_SUCCESS_DB_PASSWORD:-customer_success}"
create_database analytics "${ANALYTICS_DB_PASSWORD:-analytics}"
