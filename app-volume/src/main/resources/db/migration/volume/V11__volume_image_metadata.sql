-- Cinder's volume_glance_metadata: what a volume made from an image tells of that image
-- (volume_image_metadata in the API: image_id, image_name, disk_format, ...), one row
-- per key, kept with the volume's soft-deleted row.
CREATE TABLE volume_glance_metadata (
    volume_id  VARCHAR(36)  NOT NULL REFERENCES volumes (id),
    meta_key   VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (volume_id, meta_key)
);
