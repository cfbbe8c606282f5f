-- Staffroom schema, part 9: payloads kept from readers (issue 13). rejected_posts.payload holds raw
-- records (post texts, handles) of identifiable teachers; dashboards need the reason and the
-- counts, not the content. The reader gets views without the payload; reading payloads takes a
-- role of its own, for whoever debugs producers. The schema's owner clears payloads after a
-- retention period (org.staffroom.schema.Retention --keep-payloads, default 30 days).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'staffroom_debugger') THEN
        CREATE ROLE staffroom_debugger NOLOGIN;
    END IF;
END
$$;

-- views run with their owner's rights: the reader needs no right on the tables beneath
CREATE VIEW rejected_posts_summary AS
SELECT received_at, topic, "partition", "offset", reason, payload_bytes
FROM rejected_posts;

-- a refused rejected_posts row carries its payload among its values
CREATE VIEW dead_letters_summary AS
SELECT refused_at, table_name, row_key, sqlstate, error,
       CASE WHEN table_name = 'rejected_posts' THEN row_values - 'payload' ELSE row_values END AS row_values
FROM dead_letters;

REVOKE SELECT ON rejected_posts, dead_letters FROM staffroom_reader;
GRANT SELECT ON rejected_posts_summary, dead_letters_summary TO staffroom_reader;

GRANT USAGE ON SCHEMA public TO staffroom_debugger;
GRANT SELECT ON rejected_posts, dead_letters TO staffroom_debugger;
