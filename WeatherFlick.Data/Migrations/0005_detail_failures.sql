-- Destinations whose details the service refuses (invalid request) or answers empty twice (no data). The detail job
-- does not ask for them again until the destination's modified_time moves (no data: or Collection:Details:
-- RetryNoDataAfter has passed), so one bad row cannot spend quota every day; a later success deletes the row.
CREATE TABLE detail_failures (
    content_id           text PRIMARY KEY REFERENCES destinations (content_id) ON DELETE CASCADE,
    source_modified_time timestamptz,                   -- the destination's modified_time when it failed
    operation            text        NOT NULL,          -- detailCommon2 | detailIntro2 | detailImage2
    outcome              text        NOT NULL,          -- invalid_request | no_data
    code                 text        NOT NULL,          -- upstream resultCode
    message              text        NOT NULL,          -- upstream resultMsg (never carries a key)
    raw_response_id      bigint,
    failures             integer     NOT NULL DEFAULT 1, -- times recorded (once per modified_time it was tried at)
    failed_at            timestamptz NOT NULL DEFAULT now()
);
