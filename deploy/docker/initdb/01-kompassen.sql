-- Run once by the postgres image on an empty data volume (/docker-entrypoint-initdb.d/), as
-- the superuser. It creates the role the server runs as and its database, and nothing else:
-- the server creates its tables and row-level security policies itself (it migrates at start).
--
-- The role must NOT be a superuser and must NOT have BYPASSRLS: row-level security keeps each
-- district's (area's) rows apart, and the server refuses to start, in words, on a role that
-- would bypass it. The password comes from the container's KOMPASSEN_DB_PASSWORD (.env),
-- read with psql's \getenv (psql 15), so it is written in no file of the repository.

\set ON_ERROR_STOP on
\getenv kompassen_password KOMPASSEN_DB_PASSWORD
\if :{?kompassen_password}
\else
  \set kompassen_password ''
\endif
SELECT length(:'kompassen_password') < 12 AS kompassen_password_weak \gset
\if :kompassen_password_weak
  DO $$ BEGIN RAISE EXCEPTION 'KOMPASSEN_DB_PASSWORD is missing or shorter than 12 characters '
      '(deploy/docker/.env.example)'; END $$;
\endif

CREATE ROLE kompassen LOGIN PASSWORD :'kompassen_password'
    NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION;
CREATE DATABASE kompassen OWNER kompassen;
-- only the owner (and the superuser) may connect; PUBLIC has CONNECT by default
REVOKE CONNECT, TEMPORARY ON DATABASE kompassen FROM PUBLIC;
