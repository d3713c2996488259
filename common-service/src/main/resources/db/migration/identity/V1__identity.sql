-- Keystone's essentials: domains, projects, users (hashed passwords), roles and the
-- roles users hold on projects. Ids are Keystone-style (32 hex digits), "default" for
-- the default domain.
CREATE TABLE identity_domains (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uniq_identity_domains_name UNIQUE (name)
);

CREATE TABLE identity_projects (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    domain_id   VARCHAR(64)  NOT NULL REFERENCES identity_domains (id),
    description VARCHAR(255),
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uniq_identity_projects_domain_name UNIQUE (domain_id, name)
);

CREATE TABLE identity_users (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    name               VARCHAR(255) NOT NULL,
    domain_id          VARCHAR(64)  NOT NULL REFERENCES identity_domains (id),
    password_hash      VARCHAR(255) NOT NULL,
    enabled            BOOLEAN      NOT NULL DEFAULT TRUE,
    default_project_id VARCHAR(64),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uniq_identity_users_domain_name UNIQUE (domain_id, name)
);

CREATE TABLE identity_roles (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uniq_identity_roles_name UNIQUE (name)
);

CREATE TABLE identity_role_assignments (
    project_id  VARCHAR(64) NOT NULL REFERENCES identity_projects (id) ON DELETE CASCADE,
    user_id     VARCHAR(64) NOT NULL REFERENCES identity_users (id) ON DELETE CASCADE,
    role_id     VARCHAR(64) NOT NULL REFERENCES identity_roles (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, user_id, role_id)
);

-- One row that the bootstrap locks (SELECT ... FOR UPDATE), so that apps starting at the
-- same time on one database create the admin user exactly once.
CREATE TABLE identity_bootstrap_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO identity_bootstrap_lock (id) VALUES (1);
