-- The server list's default order (created_at, then id, newest first) as indexes, across
-- projects (admin, all_tenants) and within one: the first page is read from the index and
-- the scan stops at the page's end, instead of sorting every live instance (a million).
CREATE INDEX ix_instances_deleted_created_at_id ON instances (deleted, created_at, id);
CREATE INDEX ix_instances_project_id_deleted_created_at_id ON instances (project_id, deleted, created_at, id);
-- the index above starts with the same columns
DROP INDEX ix_instances_project_id_deleted;
