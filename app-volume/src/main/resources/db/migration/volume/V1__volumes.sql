-- nova-volume's tables. Rows of other subsystems (servers, hosts) are referred to by
-- uuid or name only: no foreign keys across subsystems.

-- Cinder's volumes: written only by the VolumeManager of the volume's host.
CREATE TABLE volumes (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id        VARCHAR(255) NOT NULL,
    user_id           VARCHAR(255) NOT NULL,
    host              VARCHAR(255),
    availability_zone VARCHAR(255) NOT NULL,
    size_gb           INTEGER      NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    status_reason     VARCHAR(1024),
    display_name      VARCHAR(255),
    description       VARCHAR(255),
    snapshot_id       VARCHAR(36),
    attachment_id     VARCHAR(36),
    attached_server   VARCHAR(36),
    attached_host     VARCHAR(255),
    attached_device   VARCHAR(255),
    attached_at       TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    deleted           BOOLEAN      NOT NULL DEFAULT FALSE,
    -- optimistic locking: two callers cannot both move a volume out of the same status
    lock_version      BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX volumes_project_idx ON volumes (project_id, deleted);
CREATE INDEX volumes_host_idx ON volumes (host, deleted);

CREATE TABLE snapshots (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id        VARCHAR(255) NOT NULL,
    user_id           VARCHAR(255) NOT NULL,
    volume_id         VARCHAR(36)  NOT NULL REFERENCES volumes (id),
    host              VARCHAR(255) NOT NULL,
    size_gb           INTEGER      NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    status_reason     VARCHAR(1024),
    display_name      VARCHAR(255),
    description       VARCHAR(255),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE,
    deleted_at        TIMESTAMP WITH TIME ZONE,
    deleted           BOOLEAN      NOT NULL DEFAULT FALSE,
    lock_version      BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX snapshots_project_idx ON snapshots (project_id, deleted);
CREATE INDEX snapshots_volume_idx ON snapshots (volume_id, deleted);
CREATE INDEX snapshots_host_idx ON snapshots (host, deleted);

-- What each volume host last reported of its space, for the scheduler.
CREATE TABLE volume_capacities (
    host         VARCHAR(255) NOT NULL PRIMARY KEY,
    total_gb     BIGINT       NOT NULL,
    free_gb      BIGINT       NOT NULL,
    allocated_gb BIGINT       NOT NULL,
    volume_count INTEGER      NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
