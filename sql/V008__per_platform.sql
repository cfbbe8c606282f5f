-- Staffroom schema, part 8: platforms compared (contract §2, §4). The same windows and sessions as
-- hashtag_window_metrics and chat_session_metrics, counted over one platform's posts: participants,
-- new and retained are per (platform, author id), so new means new on that platform, and retained,
-- retained on it. The all-platform tables stay as they are.

CREATE TABLE hashtag_window_platform_metrics (
    hashtag                 text        NOT NULL,
    platform                text        NOT NULL,
    window_size             text        NOT NULL,
    window_start            timestamptz NOT NULL,
    window_end              timestamptz NOT NULL,
    posts                   bigint      NOT NULL,
    originals               bigint      NOT NULL,
    retweets                bigint      NOT NULL,
    replies                 bigint      NOT NULL,
    quotes                  bigint      NOT NULL,
    with_link               bigint      NOT NULL,
    with_mention            bigint      NOT NULL,
    with_cotag              bigint      NOT NULL,
    brokering               bigint      NOT NULL,
    questions               bigint      NOT NULL,
    participants            bigint      NOT NULL,
    contributors            bigint      NOT NULL,
    new_participants        bigint      NOT NULL,
    returning_participants  bigint      NOT NULL,
    reach                   bigint      NOT NULL,
    link_ratio              numeric GENERATED ALWAYS AS (with_link::numeric    / NULLIF(posts, 0)) STORED,
    mention_ratio           numeric GENERATED ALWAYS AS (with_mention::numeric / NULLIF(posts, 0)) STORED,
    retweet_ratio           numeric GENERATED ALWAYS AS (retweets::numeric     / NULLIF(posts, 0)) STORED,
    reply_ratio             numeric GENERATED ALWAYS AS (replies::numeric      / NULLIF(posts, 0)) STORED,
    brokering_ratio         numeric GENERATED ALWAYS AS (brokering::numeric    / NULLIF(posts, 0)) STORED,
    is_final                boolean     NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hashtag, platform, window_size, window_start)
);

-- "all hashtags of this platform in this period"
CREATE INDEX hashtag_window_platform_metrics_by_time
    ON hashtag_window_platform_metrics (window_size, window_start, platform);

CREATE TABLE chat_session_platform_metrics (
    chat_id                 text        NOT NULL,
    platform                text        NOT NULL,
    hashtag                 text        NOT NULL,
    session_start           timestamptz NOT NULL,
    session_end             timestamptz NOT NULL,
    posts                   bigint      NOT NULL,
    originals               bigint      NOT NULL,
    retweets                bigint      NOT NULL,
    replies                 bigint      NOT NULL,
    quotes                  bigint      NOT NULL,
    with_link               bigint      NOT NULL,
    with_mention            bigint      NOT NULL,
    with_cotag              bigint      NOT NULL,
    brokering               bigint      NOT NULL,
    questions               bigint      NOT NULL,
    participants            bigint      NOT NULL,
    contributors            bigint      NOT NULL,
    new_participants        bigint      NOT NULL,
    returning_participants  bigint      NOT NULL,
    reach                   bigint      NOT NULL,
    retained_from_previous  bigint      NOT NULL,
    link_ratio              numeric GENERATED ALWAYS AS (with_link::numeric    / NULLIF(posts, 0)) STORED,
    mention_ratio           numeric GENERATED ALWAYS AS (with_mention::numeric / NULLIF(posts, 0)) STORED,
    retweet_ratio           numeric GENERATED ALWAYS AS (retweets::numeric     / NULLIF(posts, 0)) STORED,
    reply_ratio             numeric GENERATED ALWAYS AS (replies::numeric      / NULLIF(posts, 0)) STORED,
    brokering_ratio         numeric GENERATED ALWAYS AS (brokering::numeric    / NULLIF(posts, 0)) STORED,
    is_final                boolean     NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (chat_id, platform, session_start)
);

CREATE INDEX chat_session_platform_metrics_by_time ON chat_session_platform_metrics (session_start);

GRANT INSERT, UPDATE ON hashtag_window_platform_metrics, chat_session_platform_metrics TO staffroom_writer;

-- as for the all-platform tables: the key and is_final, which the upsert reads, no counts
GRANT SELECT (hashtag, platform, window_size, window_start, is_final)
    ON hashtag_window_platform_metrics TO staffroom_writer;
GRANT SELECT (chat_id, platform, session_start, is_final) ON chat_session_platform_metrics TO staffroom_writer;

GRANT SELECT ON hashtag_window_platform_metrics, chat_session_platform_metrics TO staffroom_reader;
