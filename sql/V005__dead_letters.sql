-- Staffroom schema, part 5: rows PostgreSQL refused. A row refused for its data (SQLSTATE class 22
-- data exception, class 23 integrity constraint violation, 54000 program limit exceeded, e.g. a
-- key too large for its index) would fail its batch on every retry and stop the job; the job
-- writes it here instead, with the error, and goes on.

CREATE TABLE dead_letters (
    refused_at  timestamptz NOT NULL DEFAULT now(),
    table_name  text        NOT NULL,
    -- the row's key columns by name, e.g. {"hashtag": "edchat", "window_size": "30m", "window_start": "2025-01-09T20:00:00Z"}
    row_key     jsonb       NOT NULL,
    sqlstate    text        NOT NULL,
    error       text        NOT NULL,
    -- the row's other columns by name, as the job tried to write them (is_final included)
    row_values  jsonb       NOT NULL
);

-- no index on the key: a key too large for a b-tree index is one reason why a row is here
CREATE INDEX dead_letters_by_time ON dead_letters (refused_at);

-- the job only adds rows; dashboards and operators read them
GRANT INSERT ON dead_letters TO staffroom_writer;
GRANT SELECT ON dead_letters TO staffroom_reader;
