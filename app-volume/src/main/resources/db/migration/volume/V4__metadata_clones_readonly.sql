-- Cinder's user metadata of volumes and snapshots: string keys and values of up to 255
-- characters (its schemas' limits), one row per key. They stay with their volume's or
-- snapshot's soft-deleted row.
CREATE TABLE volume_metadata (
    volume_id  VARCHAR(36)  NOT NULL REFERENCES volumes (id),
    meta_key   VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (volume_id, meta_key)
);

CREATE TABLE snapshot_metadata (
    snapshot_id VARCHAR(36)  NOT NULL REFERENCES snapshots (id),
    meta_key    VARCHAR(255) NOT NULL,
    meta_value  VARCHAR(255) NOT NULL,
    PRIMARY KEY (snapshot_id, meta_key)
);

-- The volume a volume was cloned from (Cinder's source_volid).
ALTER TABLE volumes ADD COLUMN source_volid VARCHAR(36);

-- Cinder's admin metadata "readonly", set by os-update_readonly_flag; null until set.
ALTER TABLE volumes ADD COLUMN readonly BOOLEAN;
