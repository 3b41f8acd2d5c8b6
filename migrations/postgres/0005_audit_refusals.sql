-- Refused admin actions are audited too. A role without INSERT on lockscope_audit
-- (the read-only role) records its refused attempt through this function, which
-- runs with the privileges of the role that migrated the database. It writes one
-- audit row and nothing else; db_user is the caller's own login (session_user),
-- so a row cannot claim to come from someone else. The search path is fixed to
-- the schema the tables were created in (pg_catalog first, pg_temp last).
DO $migration$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION lockscope_audit_record(
            p_os_user text, p_os_host text, p_tool text, p_action text, p_target text,
            p_previous_token text, p_outcome text, p_detail text)
        RETURNS void LANGUAGE sql SECURITY DEFINER
        SET search_path = pg_catalog, %I, pg_temp
        AS $body$
            INSERT INTO lockscope_audit (db_user, os_user, os_host, tool, action, target,
                                         previous_token, outcome, detail)
            VALUES (session_user, p_os_user, p_os_host, p_tool, p_action, p_target,
                    p_previous_token, p_outcome, p_detail)
        $body$ $f$, current_schema());
END
$migration$;

-- Any role may record (its own) refusal; that is the point.
GRANT EXECUTE ON FUNCTION lockscope_audit_record(text, text, text, text, text, text, text, text)
    TO PUBLIC;
