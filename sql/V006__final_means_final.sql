-- Staffroom schema, part 6: a final row is final (contract §4).

-- The job's sinks know every chat that ever had sessions, also those no longer in the calendar
-- whose last sessions are still being finalised: they read the chat's hashtag at start.
GRANT SELECT (hashtag) ON chats TO staffroom_writer;

-- The comparison claimed to be final as soon as the sessions were, with rest_posts = 0 until the
-- week's own row came; now a comparison is final only when both sides are.
CREATE OR REPLACE VIEW chat_sessions_vs_rest_of_week AS
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
       -- final only when both sides are: a week without posts outside its sessions has no row,
       -- and is over once a later session of the chat is final
       CASE WHEN s.chat_id IS NULL THEN w.is_final
            WHEN w.chat_id IS NOT NULL THEN s.is_final AND w.is_final
            ELSE s.is_final AND EXISTS (
                SELECT 1 FROM chat_session_metrics later
                WHERE later.chat_id = s.chat_id AND later.is_final
                  AND later.session_start >= ((s.week_start AT TIME ZONE c.time_zone) + interval '1 week')
                                             AT TIME ZONE c.time_zone)
       END                                                            AS is_final
FROM sessions s
FULL JOIN chat_week_metrics w ON w.chat_id = s.chat_id AND w.week_start = s.week_start
LEFT JOIN chats c ON c.chat_id = coalesce(s.chat_id, w.chat_id);
