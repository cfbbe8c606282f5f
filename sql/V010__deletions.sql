-- Staffroom schema, part 10: deletions (issue 13). When a platform reports a post deleted, nothing of
-- its content stays: the job writes the deletion here, and these triggers remove the post's rows
-- from the tables that hold content (late_posts; the raw records of rejected_posts and of
-- dead_letters) and refuse such rows when they come later. The sinks write in batches, each on its
-- own, so a deletion may reach the database before or after its post's rows: order does not matter.
-- The aggregates keep what the post counted in them.

CREATE TABLE deleted_posts (
    platform    text        NOT NULL,
    id          text        NOT NULL,
    -- when the platform reported the deletion, if the event said
    deleted_at  timestamptz,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (platform, id)
);

-- a raw record is matched by the id it names, whatever its platform field says
CREATE INDEX deleted_posts_by_id ON deleted_posts (id);

-- The ids of the posts a raw record names: a contract event's (or a deletion's) id, or, in a
-- converter's {"conversionError": …, "source": record}, the platform record's: an X tweet's id (a
-- stream line's data.id), a Mastodon status' uri (a streaming frame's payload.uri), a Bluesky
-- event's at://{did}/{collection}/{rkey}. A record cut at 64 KiB is no JSON and names none.
CREATE FUNCTION raw_record_post_ids(payload text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    record jsonb;
    source jsonb;
    frame  jsonb;
BEGIN
    IF payload IS NULL OR NOT pg_input_is_valid(payload, 'jsonb') THEN
        RETURN '{}';
    END IF;
    record := payload::jsonb;
    IF jsonb_typeof(record) <> 'object' THEN
        RETURN '{}';
    END IF;
    source := record -> 'source';
    IF jsonb_typeof(source) <> 'object' THEN
        RETURN array_remove(ARRAY[record ->> 'id'], NULL);
    END IF;
    IF jsonb_typeof(source -> 'payload') = 'string' AND pg_input_is_valid(source ->> 'payload', 'jsonb') THEN
        frame := (source ->> 'payload')::jsonb;
    END IF;
    RETURN array_remove(ARRAY[
        record ->> 'id',
        source ->> 'id',
        source -> 'data' ->> 'id',
        source ->> 'uri',
        CASE WHEN jsonb_typeof(frame) = 'object' THEN frame ->> 'uri' END,
        'at://' || (source ->> 'did') || '/' || (source -> 'commit' ->> 'collection') || '/'
            || (source -> 'commit' ->> 'rkey')
    ], NULL);
END
$$;

CREATE INDEX rejected_posts_by_post ON rejected_posts USING gin (raw_record_post_ids(payload));

-- The triggers' functions run with their owner's rights (the schema's owner): the job's role may
-- not delete, nor read deleted_posts; search_path is fixed so that nobody can slip their own
-- tables or functions in.
CREATE FUNCTION forget_deleted_post() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM late_posts WHERE platform = NEW.platform AND id = NEW.id;
    DELETE FROM rejected_posts WHERE raw_record_post_ids(payload) @> ARRAY[NEW.id];
    -- a log of a few refused rows, read in full
    DELETE FROM dead_letters
    WHERE table_name = 'late_posts' AND row_key ->> 'platform' = NEW.platform AND row_key ->> 'id' = NEW.id
       OR table_name = 'rejected_posts' AND raw_record_post_ids(row_values ->> 'payload') @> ARRAY[NEW.id];
    RETURN NULL;
END
$$;

CREATE TRIGGER deleted_post_forgotten AFTER INSERT ON deleted_posts
    FOR EACH ROW EXECUTE FUNCTION forget_deleted_post();

-- rows of a post already deleted are not written (a BEFORE trigger returning NULL skips the row)
CREATE FUNCTION post_is_deleted(post_platform text, post_id text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM deleted_posts WHERE platform = post_platform AND id = post_id)
$$;

CREATE FUNCTION raw_record_of_deleted_post(payload text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM deleted_posts WHERE id = ANY (raw_record_post_ids(payload)))
$$;

CREATE FUNCTION refuse_rows_of_deleted_posts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    deleted boolean;
BEGIN
    -- one branch a table: a field of NEW is looked up only when its statement runs
    IF TG_TABLE_NAME = 'late_posts' THEN
        deleted := post_is_deleted(NEW.platform, NEW.id);
    ELSIF TG_TABLE_NAME = 'rejected_posts' THEN
        deleted := raw_record_of_deleted_post(NEW.payload);
    ELSIF NEW.table_name = 'late_posts' THEN
        deleted := post_is_deleted(NEW.row_key ->> 'platform', NEW.row_key ->> 'id');
    ELSE
        deleted := NEW.table_name = 'rejected_posts' AND raw_record_of_deleted_post(NEW.row_values ->> 'payload');
    END IF;
    IF deleted THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER deleted_post_not_late BEFORE INSERT ON late_posts
    FOR EACH ROW EXECUTE FUNCTION refuse_rows_of_deleted_posts();
CREATE TRIGGER deleted_post_not_rejected BEFORE INSERT ON rejected_posts
    FOR EACH ROW EXECUTE FUNCTION refuse_rows_of_deleted_posts();
CREATE TRIGGER deleted_post_not_dead_lettered BEFORE INSERT ON dead_letters
    FOR EACH ROW EXECUTE FUNCTION refuse_rows_of_deleted_posts();

-- the job only adds deletions (its upsert names the key, which takes reading the key columns); nobody
-- else reads which posts were deleted
GRANT INSERT ON deleted_posts TO staffroom_writer;
GRANT SELECT (platform, id) ON deleted_posts TO staffroom_writer;
