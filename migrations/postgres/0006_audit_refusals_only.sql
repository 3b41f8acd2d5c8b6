-- 0005's lockscope_audit_record let any role (it is granted to PUBLIC and runs
-- as the role that migrated the database) choose every field of the row it
-- wrote: a read-only role could record a "released" force release that never
-- happened, or a row naming another OS user. It is replaced by
-- lockscope_audit_refusal, which can only record what it is for -- an action
-- the caller was refused:
--   * the outcome is always 'refused';
--   * the action must be one LockScope records;
--   * the identities come from the session, not from arguments: db_user is the
--     login role (session_user), os_host the address the connection came from
--     ('local' for a Unix socket); os_user is left empty, since the server
--     cannot know the client's OS account and a claimed one would prove nothing.
-- The caller still names the tool, the target, the token it saw and the error.
-- Roles with INSERT on lockscope_audit record every outcome directly, as before.
DROP FUNCTION IF EXISTS lockscope_audit_record(text, text, text, text, text, text, text, text);

DO $migration$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION lockscope_audit_refusal(
            p_tool text, p_action text, p_target text, p_previous_token text, p_detail text)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, %I, pg_temp
        AS $body$
        BEGIN
            IF p_action IS NULL OR p_action NOT IN ('sweep', 'force-release',
                    'force-release-unconditional', 'cancel-backend', 'terminate-backend') THEN
                RAISE EXCEPTION 'lockscope_audit_refusal: %% is not an action LockScope records',
                    coalesce(quote_literal(p_action), 'NULL')
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF p_target IS NULL THEN
                RAISE EXCEPTION 'lockscope_audit_refusal: the target is missing'
                    USING ERRCODE = 'invalid_parameter_value';
            END IF;
            INSERT INTO lockscope_audit (db_user, os_user, os_host, tool, action, target,
                                         previous_token, outcome, detail)
            VALUES (session_user, '', coalesce(host(inet_client_addr()), 'local'),
                    coalesce(nullif(p_tool, ''), 'unknown'), p_action, p_target,
                    p_previous_token, 'refused', p_detail);
        END
        $body$ $f$, current_schema());
END
$migration$;

-- Any role may record its own refusal; that is the point.
GRANT EXECUTE ON FUNCTION lockscope_audit_refusal(text, text, text, text, text) TO PUBLIC;
