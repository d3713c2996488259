-- What a server keeps beyond its boot: the access addresses a user records (Nova's
-- access_ip_v4/access_ip_v6), and its metadata (Nova's instance_metadata: keys and
-- values of up to 255 characters, one row a key).
ALTER TABLE instances ADD COLUMN access_ip_v4 VARCHAR(39);
ALTER TABLE instances ADD COLUMN access_ip_v6 VARCHAR(39);

CREATE TABLE instance_metadata (
    instance_uuid VARCHAR(36) NOT NULL,
    meta_key VARCHAR(255) NOT NULL,
    meta_value VARCHAR(255) NOT NULL,
    PRIMARY KEY (instance_uuid, meta_key)
);
