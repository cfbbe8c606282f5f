-- Staffroom schema, part 12: a deletion and a row of its post, written at the same moment by two
-- sinks in two transactions, must not miss each other. Under READ COMMITTED each trigger of V010 saw
-- a snapshot without the other's uncommitted row: the deletion deleted nothing yet, the row found no
-- deletion yet, and the row stayed (seen as a rejected record of a deleted post kept). Both triggers now
-- take a transaction-scoped advisory lock on each post id they concern before they look, so the later
-- one waits for the earlier to commit and then sees it (each statement of a plpgsql function takes a
-- new snapshot under READ COMMITTED). Ids are locked in sorted order; a deadlock between two batches
-- is aborted by PostgreSQL and the sink retries its batch.

CREATE FUNCTION lock_post_ids(ids text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    post_id text;
BEGIN
    FOR post_id IN SELECT DISTINCT unnest(ids) ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended(post_id, 1013));
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION forget_deleted_post() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    PERFORM lock_post_ids(ARRAY[NEW.id]);
    DELETE FROM late_posts WHERE platform = NEW.platform AND id = NEW.id;
    DELETE FROM rejected_posts WHERE raw_record_post_ids(payload) @> ARRAY[NEW.id];
    -- a log of a few refused rows, read in full
    DELETE FROM dead_letters
    WHERE table_name = 'late_posts' AND row_key ->> 'platform' = NEW.platform AND row_key ->> 'id' = NEW.id
       OR table_name = 'rejected_posts' AND raw_record_post_ids(row_values ->> 'payload') @> ARRAY[NEW.id];
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION refuse_rows_of_deleted_posts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    deleted boolean;
BEGIN
    -- one branch a table: a field of NEW is looked up only when its statement runs
    IF TG_TABLE_NAME = 'late_posts' THEN
        PERFORM lock_post_ids(ARRAY[NEW.id]);
        deleted := post_is_deleted(NEW.platform, NEW.id);
    ELSIF TG_TABLE_NAME = 'rejected_posts' THEN
        PERFORM lock_post_ids(raw_record_post_ids(NEW.payload));
        deleted := raw_record_of_deleted_post(NEW.payload);
    ELSIF NEW.table_name = 'late_posts' THEN
        PERFORM lock_post_ids(ARRAY[NEW.row_key ->> 'id']);
        deleted := post_is_deleted(NEW.row_key ->> 'platform', NEW.row_key ->> 'id');
    ELSE
        IF NEW.table_name = 'rejected_posts' THEN
            PERFORM lock_post_ids(raw_record_post_ids(NEW.row_values ->> 'payload'));
        END IF;
        deleted := NEW.table_name = 'rejected_posts' AND raw_record_of_deleted_post(NEW.row_values ->> 'payload');
    END IF;
    IF deleted THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$$;
