-- Staffroom schema, part 4: roles (contract §5). The job writes with a role that may only insert
-- into and update the output tables; dashboards read with a role that may only select.
--
-- These are group roles without login. A deployment creates its own login roles in them, with
-- passwords that are never committed, e.g. (psql, password typed or from a secret store):
--   CREATE ROLE staffroom_job LOGIN PASSWORD :'job_password' IN ROLE staffroom_writer;
--   CREATE ROLE grafana       LOGIN PASSWORD :'grafana_password' IN ROLE staffroom_reader;
-- Roles belong to the server, not the database, hence "if not exists".
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'staffroom_writer') THEN
        CREATE ROLE staffroom_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'staffroom_reader') THEN
        CREATE ROLE staffroom_reader NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO staffroom_writer, staffroom_reader;

GRANT INSERT, UPDATE ON hashtag_window_metrics, chat_session_metrics, chat_week_metrics, top_accounts,
    rejected_posts, late_posts, chats TO staffroom_writer;

-- an upsert reads the conflicting row's key, and the job's upserts read is_final (a final row is
-- never reopened) and the chats' active flag: those columns only, no counts
GRANT SELECT (hashtag, window_size, window_start, is_final) ON hashtag_window_metrics TO staffroom_writer;
GRANT SELECT (chat_id, session_start, is_final) ON chat_session_metrics TO staffroom_writer;
GRANT SELECT (chat_id, week_start, is_final) ON chat_week_metrics TO staffroom_writer;
GRANT SELECT (scope, scope_key, window_start, kind, rank) ON top_accounts TO staffroom_writer;
GRANT SELECT (topic, "partition", "offset") ON rejected_posts TO staffroom_writer;
GRANT SELECT (platform, id, scope) ON late_posts TO staffroom_writer;
GRANT SELECT (chat_id, active) ON chats TO staffroom_writer;

GRANT SELECT ON hashtag_window_metrics, chat_session_metrics, chat_week_metrics, top_accounts,
    rejected_posts, late_posts, chats, chat_sessions_vs_rest_of_week TO staffroom_reader;
