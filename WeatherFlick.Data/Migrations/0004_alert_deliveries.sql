-- Alerts already announced, one row per alert key (e.g. key-disabled:kto:1a2b3c4d — fingerprints, never secrets).
-- Every job-server instance claims the row before sending, so one problem is sent once per window across processes
-- and restarts; a send that fails rolls its claim back and the next check sends it again.
CREATE TABLE alert_deliveries (
    alert_key     text        PRIMARY KEY,
    title         text        NOT NULL,               -- the last title sent, for operators reading the table
    last_sent_at  timestamptz NOT NULL,
    sent_count    integer     NOT NULL DEFAULT 1,
    suppressed    integer     NOT NULL DEFAULT 0      -- raised again inside the window since the last send
);
