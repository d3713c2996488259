-- Cinder's per-project quotas: a row per limit an administrator set (quota-set update);
-- every other limit is the configured default. Usage is counted from the live volumes
-- and snapshots themselves, under a lock on the project's quota_projects row, so that
-- concurrent creates of one project are checked one after the other and no counter can
-- drift from the rows it counts.
CREATE TABLE quotas (
    project_id  VARCHAR(255) NOT NULL,
    resource    VARCHAR(300) NOT NULL,
    hard_limit  INTEGER      NOT NULL,
    PRIMARY KEY (project_id, resource)
);

CREATE TABLE quota_projects (
    project_id  VARCHAR(255) NOT NULL PRIMARY KEY
);

-- the gigabytes an extend in progress holds (Cinder's reservation), until the driver ends
CREATE TABLE quota_reservations (
    volume_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    project_id     VARCHAR(255) NOT NULL,
    volume_type_id VARCHAR(36),
    gigabytes      INTEGER      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_quota_reservations_project_id ON quota_reservations (project_id);
