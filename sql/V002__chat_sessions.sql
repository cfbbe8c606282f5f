-- Staffroom schema, part 2: the chat calendar, per-session metrics and top accounts.

-- the calendar in force: the job upserts its chats at start and marks the others inactive
CREATE TABLE chats (
    chat_id        text        PRIMARY KEY,
    hashtag        text        NOT NULL,
    day_of_week    text        NOT NULL,
    local_start    time        NOT NULL,
    duration       interval    NOT NULL,
    time_zone      text        NOT NULL,
    active         boolean     NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_session_metrics (
    chat_id                 text        NOT NULL,
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
    PRIMARY KEY (chat_id, session_start)
);

-- "the sessions of this week", across chats
CREATE INDEX chat_session_metrics_by_time ON chat_session_metrics (session_start);

CREATE TABLE top_accounts (
    scope          text        NOT NULL CHECK (scope IN ('session', 'hashtag_day')),
    scope_key      text        NOT NULL,
    window_start   timestamptz NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('mentioned', 'contributor')),
    rank           integer     NOT NULL CHECK (rank BETWEEN 1 AND 10),
    account        text        NOT NULL,
    posts          bigint      NOT NULL,
    PRIMARY KEY (scope, scope_key, window_start, kind, rank)
);
