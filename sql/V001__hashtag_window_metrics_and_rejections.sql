-- Staffroom schema, part 1: per-hashtag windows, rejected input, late posts.
-- Loads with Flyway (classpath:db/migration) and with plain `psql -f`, in file-name order.

CREATE TABLE hashtag_window_metrics (
    hashtag                 text        NOT NULL,
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
    -- ratios are derived here, so every writer and reader agrees on them (NULL when posts = 0)
    link_ratio              numeric GENERATED ALWAYS AS (with_link::numeric    / NULLIF(posts, 0)) STORED,
    mention_ratio           numeric GENERATED ALWAYS AS (with_mention::numeric / NULLIF(posts, 0)) STORED,
    retweet_ratio           numeric GENERATED ALWAYS AS (retweets::numeric     / NULLIF(posts, 0)) STORED,
    reply_ratio             numeric GENERATED ALWAYS AS (replies::numeric      / NULLIF(posts, 0)) STORED,
    brokering_ratio         numeric GENERATED ALWAYS AS (brokering::numeric    / NULLIF(posts, 0)) STORED,
    is_final                boolean     NOT NULL,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hashtag, window_size, window_start)
);

-- dashboards ask "all hashtags in this period" and "this hashtag over time"; the key serves the second
CREATE INDEX hashtag_window_metrics_by_time
    ON hashtag_window_metrics (window_size, window_start, hashtag);

CREATE TABLE rejected_posts (
    received_at   timestamptz NOT NULL,
    topic         text        NOT NULL,
    "partition"   integer     NOT NULL,
    "offset"      bigint      NOT NULL,
    reason        text        NOT NULL,
    -- the first 64 KiB of the record, decoded as UTF-8 (invalid bytes and NUL shown as U+FFFD)
    payload       text,
    payload_bytes integer     NOT NULL,
    PRIMARY KEY (topic, "partition", "offset")
);

CREATE INDEX rejected_posts_by_time ON rejected_posts (received_at);

-- one row per post and per hashtag or chat it was too late for
CREATE TABLE late_posts (
    platform     text        NOT NULL,
    id           text        NOT NULL,
    scope        text        NOT NULL,
    created_at   timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    hashtags     text[]      NOT NULL,
    missed       text[]      NOT NULL,
    PRIMARY KEY (platform, id, scope)
);

CREATE INDEX late_posts_by_time ON late_posts (created_at);
