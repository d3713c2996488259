-- What the Compute API's microversions up to 2.53 show of a server: the reservation id
-- and hostname (2.3), the description (2.19), the flavor's name at boot (2.47), and the
-- server tags (2.26, 2.52).
ALTER TABLE instances ADD COLUMN reservation_id VARCHAR(255);
ALTER TABLE instances ADD COLUMN hostname VARCHAR(255);
ALTER TABLE instances ADD COLUMN description VARCHAR(255);
ALTER TABLE instances ADD COLUMN flavor_name VARCHAR(255);

CREATE TABLE instance_tags (
    instance_uuid VARCHAR(36) NOT NULL,
    tag VARCHAR(60) NOT NULL,
    PRIMARY KEY (instance_uuid, tag)
);
CREATE INDEX ix_instance_tags_tag ON instance_tags (tag);
