-- Staffroom schema: what every column of the output means (contract §2 and §4), kept where
-- researchers find it: psql's \d+, any database browser, and the data dictionary that
-- `staffroom-report export` writes beside each export.

DO $$
DECLARE
    t text;
    d record;
BEGIN
    -- the counts and ratios every metrics table shares
    FOREACH t IN ARRAY ARRAY['hashtag_window_metrics', 'hashtag_window_platform_metrics', 'chat_session_metrics',
                             'chat_session_platform_metrics', 'chat_week_metrics'] LOOP
        FOR d IN SELECT * FROM (VALUES
            ('posts', 'posts counted, after de-duplication by (platform, id)'),
            ('originals', 'posts that are neither a retweet, a reply nor a quote'),
            ('retweets', 'retweets and reposts (retweetOf set; Mastodon boosts never reach hashtag streams)'),
            ('replies', 'replies (replyTo set)'),
            ('quotes', 'quotes (quoteOf set)'),
            ('with_link', 'posts with at least one link'),
            ('with_mention', 'posts with at least one mention'),
            ('with_cotag', 'posts with at least one other distinct hashtag'),
            ('brokering', 'knowledge brokering: posts with a link or a mention, or retweets'),
            ('questions', 'posts, not retweets, whose text without links holds a question mark'),
            ('participants', 'distinct (platform, author id) among the posts counted'),
            ('contributors', 'participants with at least one post that is not a retweet'),
            ('new_participants', 'participants whose earliest post here, over everything the job has seen, is in this row'),
            ('returning_participants', 'participants - new_participants'),
            ('reach', 'sum over participants of their largest follower count in the row (0 when unknown)'),
            ('link_ratio', 'with_link / posts (NULL when posts = 0)'),
            ('mention_ratio', 'with_mention / posts (NULL when posts = 0)'),
            ('retweet_ratio', 'retweets / posts (NULL when posts = 0)'),
            ('reply_ratio', 'replies / posts (NULL when posts = 0)'),
            ('brokering_ratio', 'brokering / posts (NULL when posts = 0)'),
            ('is_final', 'true once nothing can change the row any more; a final row never changes'),
            ('updated_at', 'when the row was last written'),
            ('platform', 'the platform of the posts counted: twitter, mastodon, bluesky, ...'),
            ('hashtag', 'the hashtag, normalised: NFKC, without #, lower-case'),
            ('chat_id', 'the chat of the calendar (table chats)'),
            ('window_size', 'the window''s size: 30m, 1d, ... (1d: calendar days in the job''s day zone)'),
            ('window_start', 'the window''s first instant'),
            ('window_end', 'the instant after the window'),
            ('session_start', 'the session''s first instant (the chat''s local start time)'),
            ('session_end', 'the instant after the session'),
            ('week_start', 'the first instant of the chat''s week (Monday 00:00 in the chat''s zone)'),
            ('week_end', 'the instant after the week'),
            ('retained_from_previous', 'participants of the previous occurrence of this chat who take part in this one')
        ) AS v(col, description) LOOP
            IF EXISTS (SELECT 1 FROM information_schema.columns
                       WHERE table_schema = current_schema() AND table_name = t AND column_name = d.col) THEN
                EXECUTE format('COMMENT ON COLUMN %I.%I IS %L', t, d.col, d.description);
            END IF;
        END LOOP;
    END LOOP;
END
$$;

COMMENT ON TABLE hashtag_window_metrics IS 'per hashtag and tumbling window: counts, participants and ratios';
COMMENT ON TABLE hashtag_window_platform_metrics IS 'hashtag_window_metrics computed over one platform''s posts';
COMMENT ON TABLE chat_session_metrics IS 'per scheduled chat session: counts, participants, newcomers, retention';
COMMENT ON TABLE chat_session_platform_metrics IS 'chat_session_metrics computed over one platform''s posts';
COMMENT ON TABLE chat_week_metrics IS 'per chat and week: the chat''s hashtag outside its sessions';
COMMENT ON COLUMN chat_week_metrics.posts IS 'posts counted outside the week''s sessions, after de-duplication';

COMMENT ON TABLE top_accounts IS 'the 10 most mentioned accounts and the 10 most active contributors of each final session and 1d hashtag window';
COMMENT ON COLUMN top_accounts.scope IS 'session (a chat session) or hashtag_day (a 1d hashtag window)';
COMMENT ON COLUMN top_accounts.scope_key IS 'the chat_id or the hashtag';
COMMENT ON COLUMN top_accounts.window_start IS 'the session''s or the day''s first instant';
COMMENT ON COLUMN top_accounts.kind IS 'mentioned (posts mentioning the account) or contributor (the account''s non-retweet posts)';
COMMENT ON COLUMN top_accounts.rank IS '1-10; ties broken by account, ascending';
COMMENT ON COLUMN top_accounts.account IS 'mentioned handle without @, lower-case; a contributor''s handle when known, else their id';
COMMENT ON COLUMN top_accounts.posts IS 'posts mentioning the account, or the contributor''s non-retweet posts';

COMMENT ON TABLE chats IS 'the chat calendar in force';
COMMENT ON COLUMN chats.day_of_week IS 'the day of the weekly session, in the chat''s zone';
COMMENT ON COLUMN chats.local_start IS 'the session''s start, local time in time_zone';
COMMENT ON COLUMN chats.duration IS 'the session''s length';
COMMENT ON COLUMN chats.time_zone IS 'an IANA time zone, e.g. Europe/London';
COMMENT ON COLUMN chats.active IS 'false for a chat removed from the calendar (its rows stay)';

COMMENT ON TABLE rejected_posts IS 'input records that are not valid post events, with the reason (payloads: staffroom_debugger only)';
COMMENT ON COLUMN rejected_posts.received_at IS 'when the job read the record';
COMMENT ON COLUMN rejected_posts.reason IS 'why it was rejected, naming the field';
COMMENT ON COLUMN rejected_posts.payload IS 'the first 64 KiB of the raw record, as UTF-8 (cleared after the payload retention)';
COMMENT ON COLUMN rejected_posts.payload_bytes IS 'the record''s size in bytes';
COMMENT ON VIEW rejected_posts_summary IS 'rejected_posts without the payload';

COMMENT ON TABLE late_posts IS 'posts that arrived after a window or session they count for was final: one row per post and scope';
COMMENT ON COLUMN late_posts.scope IS 'the hashtag or chat the post was late for: hashtag:<tag>, chat:<chat_id> (its sessions) or chat-week:<chat_id> (the rest of its week)';
COMMENT ON COLUMN late_posts.created_at IS 'the post''s event time';
COMMENT ON COLUMN late_posts.received_at IS 'when the job read it';
COMMENT ON COLUMN late_posts.missed IS 'the windows or sessions it was not counted in';

COMMENT ON TABLE dead_letters IS 'output rows PostgreSQL refused for their data, kept with the error';
COMMENT ON VIEW dead_letters_summary IS 'dead_letters without the payloads of rejected records';
