-- Roles and schemas: who may exist, and the two schemas they meet.
--
-- Roles are cluster-wide (one set serves every database of the cluster); everything else here is per
-- database. The names are the defaults of retention_desktop/data/roles.py, which rewrites them when an
-- installation (or a test run on a shared cluster) uses another prefix.
--
--   rd_owner        NOLOGIN  owns schema data (the tables) and schema api (the views and functions)
--   rd_crossbranch  NOLOGIN  owns the few functions that must look across branches (masked search,
--                            consultation-access requests, proposal fingerprints, labels, batch writes)
--   rd_officer      group    행원
--   rd_manager      group    지점장 (member of rd_officer)
--   rd_admin        group    본부 관리자 (member of rd_manager)
--   rd_security     group    보안·감사 담당: the audit trail, no customer data
--   rd_batch        group    batch: reads the portfolio, writes call lists and models
--
-- Officers' login roles (rd_<employee no>) are members of exactly one of the officer groups; they own
-- nothing and hold no privilege on any table.

DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['rd_owner', 'rd_crossbranch', 'rd_officer', 'rd_manager', 'rd_admin',
                                'rd_security', 'rd_batch'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
        -- whatever someone did to these roles before, nobody logs in as them and none bypasses the rules
        EXECUTE format('ALTER ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION', name);
    END LOOP;
    -- a migrating user that is not a superuser must be able to hand objects to the owner roles
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT rd_owner, rd_crossbranch TO %I', current_user);
    END IF;
END
$$;

GRANT rd_officer TO rd_manager;
GRANT rd_manager TO rd_admin;

-- The audit chain's writers release a chain lock held by a session left idle in its transaction (an officer
-- with psql could otherwise stop every audited action of the bank): rd_owner may see sessions and end them.
-- Only a superuser (or a role with ADMIN on these) can grant this; without it the writers wait and time out.
DO $$
BEGIN
    GRANT pg_signal_backend, pg_read_all_stats TO rd_owner;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'rd_owner cannot be given pg_signal_backend/pg_read_all_stats here: a stuck audit chain lock will only time out';
END
$$;

CREATE SCHEMA IF NOT EXISTS data AUTHORIZATION rd_owner;
CREATE SCHEMA IF NOT EXISTS api AUTHORIZATION rd_owner;
ALTER SCHEMA data OWNER TO rd_owner;
ALTER SCHEMA api OWNER TO rd_owner;

-- Nothing by default: no schema to create objects in, no temporary objects (a temporary table or function
-- could shadow a name inside a privileged function), no connection unless in one of the groups.
REVOKE ALL ON SCHEMA data FROM PUBLIC;
REVOKE ALL ON SCHEMA api FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY, CONNECT ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO rd_officer, rd_security, rd_batch', current_database());
END
$$;

-- Large objects are a second, unscoped store nobody here needs.
REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
    pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid),
    pg_catalog.lo_put(oid, bigint, bytea) FROM PUBLIC;

-- Functions are not executable by PUBLIC unless granted (PostgREST's "Functions" advice).
ALTER DEFAULT PRIVILEGES FOR ROLE rd_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE rd_crossbranch REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
