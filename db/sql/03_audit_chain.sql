-- 개인정보 접근기록: the tamper-evident audit trail.
--
-- Rows are written only by data.audit(), called inside the business functions: the actor is session_user,
-- the employee number is looked up from it, the time is the server's clock, the client address is what the
-- server saw. Each row is chained to the one before:
--
--     row_hash = sha256(prev_hash || canonical bytes of the row)            (genesis prev_hash: 32 zero bytes)
--
-- Canonical bytes, version 1 (services/audit_trail.py recomputes them independently of this file):
--     'rd-audit-v1|' then, for each field in order id, at, db_user, employee_no, client_addr, workstation,
--     action, customer_no, details: NULL as '-,' and a value as '<length in UTF-8 bytes>:<UTF-8 text>,'
--     where id is decimal, at is UTC 'YYYY-MM-DDTHH:MM:SS.ffffffZ' and details is jsonb's own text form.
--
-- Writers take the chain head's row lock (data.audit_chain_head, one row), so concurrent transactions
-- append one after another; the lock is held until the writing transaction ends. Nobody may UPDATE,
-- DELETE or TRUNCATE the trail (trigger, even the owner); a superuser who disables the trigger, or sets
-- session_replication_role = replica, can change rows, and `retention-admin audit verify` then names the
-- first edited, deleted or inserted row. The chain head exported outside the database (`audit anchor`)
-- catches even a full rewrite by the owner.

CREATE OR REPLACE FUNCTION data.audit_field(value text) RETURNS bytea
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN value IS NULL THEN '\x2d2c'::bytea
                ELSE convert_to(octet_length(convert_to(value, 'UTF8'))::text || ':', 'UTF8')
                     || convert_to(value, 'UTF8') || '\x2c'::bytea END
$$;

CREATE OR REPLACE FUNCTION data.audit_row_bytes(id bigint, at timestamptz, db_user text, employee_no text,
                                                client_addr text, workstation text, action text, customer_no text,
                                                details jsonb) RETURNS bytea
LANGUAGE sql STABLE SET search_path = pg_catalog
AS $$
    SELECT convert_to('rd-audit-v1|', 'UTF8')
        || data.audit_field(id::text)
        || data.audit_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || data.audit_field(db_user) || data.audit_field(employee_no) || data.audit_field(client_addr)
        || data.audit_field(workstation) || data.audit_field(action) || data.audit_field(customer_no)
        || data.audit_field(details::text)
$$;

-- Append one row to the trail in the caller's transaction; returns its id.
CREATE OR REPLACE FUNCTION data.audit(action text, customer_no text, details jsonb) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    head data.audit_chain_head;
    new_id bigint;
    stamp timestamptz;
    who text := session_user;
    employee text;
    addr text := host(inet_client_addr());
    station text := left(coalesce(nullif(current_setting('application_name', true), ''), 'unknown'), 255);
    body jsonb := coalesce(details, '{}'::jsonb);
    digest bytea;
    released jsonb;
    ended jsonb;
    deadline timestamptz := clock_timestamp() + interval '10 seconds';
BEGIN
    IF action IS NULL OR action !~ '^[a-z_.]+$' THEN
        RAISE EXCEPTION 'audit action must be lower-case words and dots' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT o.employee_no INTO employee FROM data.officers o WHERE o.db_role = who;
    -- no subtransaction here (it would make the lock's holder harder to find): SKIP LOCKED, and while the head
    -- is held, end a holder that has kept it too long (release_stuck_chain_lock), for at most 10 seconds
    LOOP
        SELECT * INTO head FROM data.audit_chain_head WHERE id = 1 FOR UPDATE SKIP LOCKED;
        EXIT WHEN FOUND;
        ended := data.release_stuck_chain_lock();
        released := coalesce(ended, released);
        IF clock_timestamp() > deadline THEN
            RAISE EXCEPTION '감사 기록이 다른 세션에 10초 넘게 잠겨 있습니다: 잠시 뒤 다시 시도하세요'
                USING ERRCODE = 'lock_not_available';
        END IF;
        PERFORM pg_sleep(0.05);
    END LOOP;
    IF head.id IS NULL THEN
        RAISE EXCEPTION 'audit chain head is missing' USING ERRCODE = 'data_corrupted';
    END IF;
    new_id := nextval('data.audit_log_id_seq');
    stamp := clock_timestamp();  -- after the lock: times follow the chain's order
    digest := sha256(head.last_hash || data.audit_row_bytes(new_id, stamp, who, employee, addr, station, action,
                                                             customer_no, body));
    INSERT INTO data.audit_log (id, at, db_user, employee_no, client_addr, workstation, action, customer_no, details,
                                prev_hash, row_hash)
    VALUES (new_id, stamp, who, employee, addr, station, action, customer_no, body, head.last_hash, digest);
    UPDATE data.audit_chain_head SET last_id = new_id, last_hash = digest, row_count = row_count + 1 WHERE id = 1;
    IF released IS NOT NULL THEN
        PERFORM data.audit('audit.chain_lock_released', NULL, released);
    END IF;
    RETURN new_id;
END
$$;

-- The chain head is held by a session idle in its transaction for more than 5 seconds, or by an officer's
-- session (the officer, manager and admin groups: interactive logins) whose transaction is older than 5
-- seconds, idle or still running (`BEGIN; SELECT api.search_customers(…); SELECT pg_sleep(40)` held everyone's
-- audited work: finding 4 of the outside test). The desktop commits at once; only a hand-held transaction
-- stays open. End that session, so the bank's audited work goes on. The batch's and superusers' running
-- transactions are waited for. Returns who was ended (recorded by data.audit), or NULL.
CREATE OR REPLACE FUNCTION data.release_stuck_chain_lock() RETURNS jsonb
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, data, pg_temp
AS $$
DECLARE
    holder record;
    -- the (sub)transaction that locked and moved the head (data.audit does both at one level, so a plain id)
    locker xid := (SELECT h.xmax FROM data.audit_chain_head h WHERE h.id = 1);
BEGIN
    -- every (sub)transaction holds the lock on its own id: that names the session
    SELECT a.pid, a.usename::text AS role, a.state, a.state_change, a.xact_start INTO holder
    FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE l.locktype = 'transactionid' AND l.transactionid = locker AND l.granted AND l.pid <> pg_backend_pid()
      AND ((a.state IN ('idle in transaction', 'idle in transaction (aborted)')
            AND a.state_change < clock_timestamp() - interval '5 seconds')
           OR (a.xact_start < clock_timestamp() - interval '5 seconds'
               -- a person's session, idle or running: an officer's, a manager's, an admin's, the security
               -- officer's (the batch's service logins and superusers are waited for)
               AND (pg_has_role(a.usesysid, 'rd_officer', 'MEMBER')
                    OR pg_has_role(a.usesysid, 'rd_security', 'MEMBER'))))
    LIMIT 1;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    BEGIN
        IF pg_terminate_backend(holder.pid, 2000) THEN
            RETURN jsonb_build_object('pid', holder.pid, 'db_user', holder.role, 'state', holder.state,
                                      'since', holder.state_change, 'transaction_since', holder.xact_start);
        END IF;
    EXCEPTION WHEN insufficient_privilege THEN
        NULL;  -- a superuser's session, or rd_owner was not given pg_signal_backend: wait instead
    END;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION data.audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
    RAISE EXCEPTION '접근기록(audit_log)은 추가만 할 수 있습니다: % 거부', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

DROP TRIGGER IF EXISTS audit_log_append_only ON data.audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON data.audit_log
    FOR EACH ROW EXECUTE FUNCTION data.audit_log_is_append_only();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON data.audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON data.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION data.audit_log_is_append_only();

-- The chain head only moves forward, and only with a new row (data.audit).
CREATE OR REPLACE FUNCTION data.audit_chain_head_moves_forward() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog
AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.last_id <= OLD.last_id OR NEW.row_count <> OLD.row_count + 1 THEN
        RAISE EXCEPTION '접근기록 체인 헤드는 새 기록과 함께 앞으로만 움직입니다: % 거부', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS audit_chain_head_forward ON data.audit_chain_head;
CREATE TRIGGER audit_chain_head_forward BEFORE UPDATE OR DELETE ON data.audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION data.audit_chain_head_moves_forward();
