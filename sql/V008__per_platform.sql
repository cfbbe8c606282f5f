-- Staffroom schema, part 8: platforms compared (contract §2, §4). The same windows and sessions as
-- hashtag_window_metrics and chat_session_metrics, counted over one platform's posts: participants,
-- new and retained are per (platform, author id), so new means new on that platform, and retained,
-- retained on it. The all-platform tables stay as they are.

-- LIKE copies the all-platform table's columns, types, NOT NULL, defaults and generated ratios, so
-- the two cannot drift apart; the key gains the platform
CREATE TABLE hashtag_window_platform_metrics (
    platform text NOT NULL,
    LIKE hashtag_window_metrics INCLUDING DEFAULTS INCLUDING GENERATED,
    PRIMARY KEY (hashtag, platform, window_size, window_start)
);

-- "all hashtags of this platform in this period"
CREATE INDEX hashtag_window_platform_metrics_by_time
    ON hashtag_window_platform_metrics (window_size, window_start, platform);

CREATE TABLE chat_session_platform_metrics (
    platform text NOT NULL,
    LIKE chat_session_metrics INCLUDING DEFAULTS INCLUDING GENERATED,
    PRIMARY KEY (chat_id, platform, session_start)
);

CREATE INDEX chat_session_platform_metrics_by_time ON chat_session_platform_metrics (session_start);

GRANT INSERT, UPDATE ON hashtag_window_platform_metrics, chat_session_platform_metrics TO staffroom_writer;

-- as for the all-platform tables: the key and is_final, which the upsert reads, no counts
GRANT SELECT (hashtag, platform, window_size, window_start, is_final)
    ON hashtag_window_platform_metrics TO staffroom_writer;
GRANT SELECT (chat_id, platform, session_start, is_final) ON chat_session_platform_metrics TO staffroom_writer;

GRANT SELECT ON hashtag_window_platform_metrics, chat_session_platform_metrics TO staffroom_reader;
