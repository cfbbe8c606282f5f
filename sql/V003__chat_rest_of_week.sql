-- Staffroom schema, part 3: each chat's hashtag outside its sessions, per week, and the view that
-- compares the sessions with the rest of the week (chat hours carry more replies; the rest of the
-- week more links and retweets).

-- the posts of a chat's hashtag outside every session of the chat, per week (Monday 00:00 to
-- Monday 00:00 in the chat's zone); same counts as chat_session_metrics
CREATE TABLE chat_week_metrics (
    chat_id                 text        NOT NULL,
    hashtag                 text        NOT NULL,
    week_start              timestamptz NOT NULL,
    week_end                timestamptz NOT NULL,
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
    PRIMARY KEY (chat_id, week_start)
);

-- one row per chat and week with a session or posts outside it: the sessions of that week
-- (usually one) beside the rest of the week
CREATE VIEW chat_sessions_vs_rest_of_week AS
WITH chat_zone AS (
    SELECT chat_id, time_zone FROM chats
),
sessions AS (
    SELECT s.chat_id,
           (date_trunc('week', s.session_start AT TIME ZONE z.time_zone) AT TIME ZONE z.time_zone) AS week_start,
           count(*)                         AS sessions,
           sum(s.posts)                     AS posts,
           sum(s.participants)              AS participants,
           sum(s.replies)                   AS replies,
           sum(s.with_link)                 AS with_link,
           sum(s.with_mention)              AS with_mention,
           sum(s.retweets)                  AS retweets,
           bool_and(s.is_final)             AS is_final
    FROM chat_session_metrics s JOIN chat_zone z USING (chat_id)
    GROUP BY 1, 2
)
SELECT coalesce(s.chat_id, w.chat_id)                                 AS chat_id,
       coalesce(w.hashtag, c.hashtag)                                 AS hashtag,
       coalesce(s.week_start, w.week_start)                           AS week_start,
       coalesce(s.sessions, 0)                                        AS sessions,
       coalesce(s.posts, 0)                                           AS session_posts,
       coalesce(s.participants, 0)                                    AS session_participants,
       s.replies::numeric      / NULLIF(s.posts, 0)                   AS session_reply_ratio,
       s.with_link::numeric    / NULLIF(s.posts, 0)                   AS session_link_ratio,
       s.with_mention::numeric / NULLIF(s.posts, 0)                   AS session_mention_ratio,
       s.retweets::numeric     / NULLIF(s.posts, 0)                   AS session_retweet_ratio,
       coalesce(w.posts, 0)                                           AS rest_posts,
       coalesce(w.participants, 0)                                    AS rest_participants,
       w.reply_ratio                                                  AS rest_reply_ratio,
       w.link_ratio                                                   AS rest_link_ratio,
       w.mention_ratio                                                AS rest_mention_ratio,
       w.retweet_ratio                                                AS rest_retweet_ratio,
       coalesce(s.is_final, true) AND coalesce(w.is_final, true)      AS is_final
FROM sessions s
FULL JOIN chat_week_metrics w ON w.chat_id = s.chat_id AND w.week_start = s.week_start
LEFT JOIN chats c ON c.chat_id = coalesce(s.chat_id, w.chat_id);
