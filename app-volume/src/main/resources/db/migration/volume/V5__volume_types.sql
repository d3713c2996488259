-- Cinder's volume types and their extra specs. A type is removed for good when deleted
-- (it can only be deleted while no live volume has it), so that its name is free again.
CREATE TABLE volume_types (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    description  VARCHAR(255),
    is_public    BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE,
    lock_version BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_volume_types_name UNIQUE (name)
);

CREATE TABLE volume_type_extra_specs (
    volume_type_id VARCHAR(36)  NOT NULL REFERENCES volume_types (id),
    spec_key       VARCHAR(255) NOT NULL,
    spec_value     VARCHAR(255) NOT NULL,
    PRIMARY KEY (volume_type_id, spec_key)
);

-- Cinder's default type, as its own migration makes it: every volume without a type has it.
INSERT INTO volume_types (id, name, description, is_public, created_at, updated_at)
VALUES ('55e3126f-c1dd-4dd2-944a-27f00a4351a2', '__DEFAULT__', 'Default Volume Type', TRUE,
        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

ALTER TABLE volumes ADD COLUMN volume_type_id VARCHAR(36);
UPDATE volumes SET volume_type_id = '55e3126f-c1dd-4dd2-944a-27f00a4351a2';
CREATE INDEX ix_volumes_volume_type_id_deleted ON volumes (volume_type_id, deleted);
