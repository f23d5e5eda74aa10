-- Thuismonitor: database roles for production (for DBAs).
--
-- Two roles, two walls.
--
--   thuismonitor       LOGIN. The API and the worker connect as this role (DATABASE_URL). It owns
--                      the database, the schema and every table: the API runs its migrations as
--                      this role when it starts, inside a Postgres advisory lock so that replicas
--                      starting together do not collide. A table's owner is not subject to its
--                      row-level security policies, so queries that serve a request do NOT run as
--                      this role, see the next one.
--
--   thuismonitor_app   NOLOGIN. Every request or job transaction of the API starts with
--
--                          BEGIN;
--                          SET LOCAL ROLE thuismonitor_app;
--                          SELECT set_config('tm.organisatie_id', '<uuid>', true),
--                                 set_config('tm.gemeenten', '<GM codes in scope>', true);
--                          ... queries ...
--                          COMMIT;
--
--                      (apps/api/src/database/scoped-db.service.ts). From then on the queries run
--                      without ownership, with only the privileges granted to thuismonitor_app,
--                      and the row-level security policies apply. The first wall is the API's own
--                      scoping function (every query is scoped from the principal). The policies
--                      are the second wall: if the application forgets a scope, Postgres still
--                      returns no rows of another organisation, because an unset tm.* setting
--                      matches nothing. SET LOCAL and set_config(..., true) end with the
--                      transaction, so a pooled connection (also behind PgBouncer in transaction
--                      mode) never carries one request's role or tenant into the next.
--
-- Neither role is a superuser or has BYPASSRLS (either would skip the policies); the check at the
-- end of this file stops with an error if one of them has either attribute.
--
-- What the API's migrations do themselves (as `thuismonitor`, in schema public): create
-- thuismonitor_app when missing and make the login role a member, grant USAGE on the schema and
-- DML on the tables to thuismonitor_app (default privileges), and enable row-level security with
-- policies on every table that holds an organisation's data. Creating a role and granting
-- membership need CREATEROLE (or superuser), which the production login role should not have:
-- run this file first, so that both already exist when the migrations run.
--
-- Usage: as a superuser, or the admin role of a managed service (which must be allowed to create
-- roles and databases; on PostgreSQL 15 and older it must also be a member of `thuismonitor`
-- to create a database owned by it: GRANT thuismonitor TO <admin role>). Connect to any
-- database except the target one, e.g. `postgres`:
--
--   psql "postgres://admin@db.example.internal:5432/postgres?sslmode=verify-full" \
--        -v thuismonitor_password='...' -f infra/postgres/roles.sql
--
-- Optional: -v database=thuismonitor (default). The API uses the schema `public`.
-- The file is idempotent; running it again sets the password again.
-- The password is sent to the server inside an ALTER ROLE statement: if the server logs DDL
-- statements, set it afterwards with psql's \password thuismonitor instead.

\set ON_ERROR_STOP on

\if :{?thuismonitor_password}
\else
  \echo 'Pass the password of the login role: psql -v thuismonitor_password=... -f infra/postgres/roles.sql'
  DO $$ BEGIN RAISE EXCEPTION 'psql variable thuismonitor_password is not set'; END $$;
\endif
\if :{?database}
\else
  \set database thuismonitor
\endif

-- 1. Roles ------------------------------------------------------------------------------------

-- The role requests switch to. NOLOGIN: nobody connects as it; NOINHERIT: it does not pick up
-- privileges of roles it might later be made a member of.
SELECT 'CREATE ROLE thuismonitor_app NOLOGIN NOINHERIT'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'thuismonitor_app') \gexec
COMMENT ON ROLE thuismonitor_app IS
  'Thuismonitor: role of request/job transactions (SET LOCAL ROLE); subject to row-level security';

-- The login role. NOINHERIT: being a member of thuismonitor_app does not give it that role's
-- privileges implicitly; it must SET ROLE, which is exactly what the API does.
SELECT 'CREATE ROLE thuismonitor LOGIN NOINHERIT'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'thuismonitor') \gexec
ALTER ROLE thuismonitor WITH LOGIN NOINHERIT PASSWORD :'thuismonitor_password';
COMMENT ON ROLE thuismonitor IS
  'Thuismonitor: login role of the API and worker; owns the schema and runs the migrations';

-- Allows `SET ROLE thuismonitor_app` (and only that direction).
GRANT thuismonitor_app TO thuismonitor;

-- 2. Database ---------------------------------------------------------------------------------

SELECT format('CREATE DATABASE %I OWNER thuismonitor ENCODING ''UTF8'' TEMPLATE template0', :'database')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
ALTER DATABASE :"database" OWNER TO thuismonitor;
-- Only the login role may connect (thuismonitor_app is reached through SET ROLE, not a login).
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO thuismonitor;

\connect :database

-- 3. Schema -----------------------------------------------------------------------------------

-- On PostgreSQL 15+ `public` belongs to pg_database_owner (i.e. thuismonitor, the database
-- owner); naming the owner explicitly works on every version.
ALTER SCHEMA public OWNER TO thuismonitor;
-- Nobody else creates objects here. The application role may look up objects (USAGE); its
-- table privileges come from the migrations.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO thuismonitor_app;

-- 4. Check ------------------------------------------------------------------------------------

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles
              WHERE rolname IN ('thuismonitor', 'thuismonitor_app')
                AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'thuismonitor / thuismonitor_app must not be SUPERUSER or BYPASSRLS: row-level security would not apply';
  END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'thuismonitor_app' AND rolcanlogin) THEN
    RAISE EXCEPTION 'thuismonitor_app must be NOLOGIN';
  END IF;
END
$$;
