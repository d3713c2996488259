-- Cinder's volume type access (os-volume-type-access): the projects that may use a
-- private volume type besides admins.
CREATE TABLE volume_type_projects (
    volume_type_id VARCHAR(36)  NOT NULL REFERENCES volume_types (id),
    project_id     VARCHAR(255) NOT NULL,
    PRIMARY KEY (volume_type_id, project_id)
);
