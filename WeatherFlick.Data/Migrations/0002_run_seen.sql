-- Content ids seen by a run's partition, committed with each page: what a complete partition did not see has left
-- the catalog. Kept until the partition completes, so a crashed run still knows what it saw.
CREATE TABLE run_seen (
    run_id         bigint NOT NULL REFERENCES collection_runs (id) ON DELETE CASCADE,
    partition_key  text   NOT NULL,
    content_id     text   NOT NULL,
    PRIMARY KEY (run_id, partition_key, content_id)
);

-- Paging-invariant violations a run met, for the quality report.
ALTER TABLE run_partitions ADD COLUMN violations text[] NOT NULL DEFAULT '{}';
