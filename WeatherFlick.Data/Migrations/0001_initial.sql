-- WeatherFlick schema, version 1. Times are UTC timestamptz; KST days are stored as dates named *_day_kst.

-- Every upstream exchange, compressed, with the key redacted. Rows that came from one point back to it.
CREATE TABLE raw_responses (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider        text        NOT NULL,               -- 'kto' | 'kma'
    operation       text        NOT NULL,               -- e.g. areaBasedList2
    request         text        NOT NULL,               -- path and query, serviceKey redacted
    key_fingerprint text,                               -- first 8 hex of SHA-256 of the key
    http_status     integer,
    outcome         text        NOT NULL,               -- data | no_data | quota_exceeded | key_rejected | invalid_request | transient
    attempt         integer     NOT NULL DEFAULT 1,
    duration_ms     integer     NOT NULL,
    size_bytes      integer     NOT NULL,               -- uncompressed body size
    content_type    text,
    body            bytea,                              -- Brotli-compressed body as received
    fetched_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL
);
CREATE INDEX raw_responses_expires_at ON raw_responses (expires_at);
CREATE INDEX raw_responses_provider_operation_fetched ON raw_responses (provider, operation, fetched_at DESC);

-- KTO content, keyed by contentid.
CREATE TABLE destinations (
    content_id       text PRIMARY KEY,
    content_type_id  integer     NOT NULL,
    area_code        integer,
    sigungu_code     integer,
    ldong_regn_cd    text,
    ldong_signgu_cd  text,
    title            text        NOT NULL,
    addr1            text,
    addr2            text,
    zipcode          text,
    tel              text,
    cat1             text,
    cat2             text,
    cat3             text,
    lcls_systm1      text,
    lcls_systm2      text,
    lcls_systm3      text,
    first_image      text,
    first_image2     text,
    cpyrht_div_cd    text,
    latitude         double precision,                  -- from mapy
    longitude        double precision,                  -- from mapx
    map_level        integer,
    grid_nx          integer,                           -- KMA grid (Lambert conformal conic)
    grid_ny          integer,
    created_time     timestamptz,
    modified_time    timestamptz,
    removed_at       timestamptz,                       -- set when the content left the catalog
    raw_response_id  bigint,
    first_seen_at    timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX destinations_area_type ON destinations (area_code, content_type_id);
CREATE INDEX destinations_grid ON destinations (grid_nx, grid_ny) WHERE removed_at IS NULL;
CREATE INDEX destinations_modified ON destinations (modified_time DESC);

CREATE TABLE destination_details (
    content_id       text PRIMARY KEY REFERENCES destinations (content_id) ON DELETE CASCADE,
    overview         text,
    homepage         text,
    tel_name         text,
    intro            jsonb,                             -- detailIntro2 fields; common ones also typed below
    use_time         text,
    rest_date        text,
    parking          text,
    info_center      text,
    images           jsonb,                             -- detailImage2 items
    source_modified_time timestamptz,                   -- the destination's modified_time when fetched
    raw_response_ids bigint[] NOT NULL DEFAULT '{}',
    fetched_at       timestamptz NOT NULL DEFAULT now()
);

-- KMA short-term forecast: one row per grid cell, issue and forecast hour.
CREATE TABLE forecasts (
    grid_nx          integer     NOT NULL,
    grid_ny          integer     NOT NULL,
    base_at          timestamptz NOT NULL,              -- issue time
    forecast_at      timestamptz NOT NULL,
    tmp              real,                              -- °C
    tmn              real,
    tmx              real,
    sky              smallint,                          -- 1 clear, 3 mostly cloudy, 4 overcast
    pty              smallint,                          -- 0 none, 1 rain, 2 rain/snow, 3 snow, 4 shower
    pop              smallint,                          -- %
    pcp_mm           real,                              -- parsed from '강수없음', '1mm 미만', '30.0~50.0mm' …
    sno_cm           real,
    reh              smallint,                          -- %
    wsd              real,                              -- m/s
    vec              smallint,                          -- degrees
    uuu              real,
    vvv              real,
    wav              real,
    raw_response_id  bigint,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grid_nx, grid_ny, base_at, forecast_at)
);
CREATE INDEX forecasts_latest ON forecasts (grid_nx, grid_ny, forecast_at, base_at DESC);

-- KMA ultra-short-term observation (now-cast).
CREATE TABLE nowcasts (
    grid_nx          integer     NOT NULL,
    grid_ny          integer     NOT NULL,
    observed_at      timestamptz NOT NULL,
    t1h              real,
    rn1              real,
    reh              smallint,
    pty              smallint,
    wsd              real,
    vec              smallint,
    uuu              real,
    vvv              real,
    raw_response_id  bigint,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grid_nx, grid_ny, observed_at)
);

CREATE TABLE recommendations (
    content_id       text        NOT NULL REFERENCES destinations (content_id) ON DELETE CASCADE,
    day_kst          date        NOT NULL,
    score            numeric(4,2) NOT NULL,
    level            text        NOT NULL,              -- excellent | good | fair | poor
    profile          text        NOT NULL,              -- outdoor | indoor | water | festival …
    reason           text        NOT NULL,
    computed_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (content_id, day_kst)
);

-- Quota ledger, persisted: calls per provider, key, operation and KST day.
CREATE TABLE api_key_usage (
    provider         text        NOT NULL,
    key_fingerprint  text        NOT NULL,
    operation        text        NOT NULL,
    day_kst          date        NOT NULL,
    calls            integer     NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, key_fingerprint, operation, day_kst)
);

CREATE TABLE api_key_states (
    provider         text        NOT NULL,
    key_fingerprint  text        NOT NULL,
    state            text        NOT NULL,              -- active | cooling | exhausted | disabled
    until            timestamptz,
    reason           text,
    changed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, key_fingerprint)
);

CREATE TABLE collection_runs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job              text        NOT NULL,
    status           text        NOT NULL,              -- running | waiting_for_quota | succeeded | failed | cancelled
    trigger          text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    resume_at        timestamptz,                       -- when waiting for quota
    partitions_total integer     NOT NULL DEFAULT 0,
    partitions_done  integer     NOT NULL DEFAULT 0,
    items            bigint      NOT NULL DEFAULT 0,
    inserted         bigint      NOT NULL DEFAULT 0,
    updated          bigint      NOT NULL DEFAULT 0,
    unchanged        bigint      NOT NULL DEFAULT 0,
    error            text
);
CREATE INDEX collection_runs_job_started ON collection_runs (job, started_at DESC);

CREATE TABLE run_partitions (
    run_id           bigint      NOT NULL REFERENCES collection_runs (id) ON DELETE CASCADE,
    partition_key    text        NOT NULL,              -- e.g. area=1/type=12 or grid=60,127
    status           text        NOT NULL,              -- pending | running | waiting_for_quota | done | failed
    next_page        integer     NOT NULL DEFAULT 1,    -- checkpoint: first page not yet committed
    pages_done       integer     NOT NULL DEFAULT 0,
    pages_expected   integer,
    total_count      integer,
    items            bigint      NOT NULL DEFAULT 0,
    inserted         bigint      NOT NULL DEFAULT 0,
    updated          bigint      NOT NULL DEFAULT 0,
    unchanged        bigint      NOT NULL DEFAULT 0,
    checkpoint       jsonb,                             -- collector-specific resume state
    error            text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, partition_key)
);

-- Incremental sync watermarks per partition (the newest modifiedtime already applied).
CREATE TABLE sync_watermarks (
    partition_key    text PRIMARY KEY,
    watermark        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE quality_reports (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name       text        NOT NULL,
    score            numeric(5,2) NOT NULL,             -- 0–100
    rows_checked     bigint      NOT NULL,
    findings         jsonb       NOT NULL,              -- rule → {count, examples[]}
    checked_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quality_reports_table_checked ON quality_reports (table_name, checked_at DESC);
