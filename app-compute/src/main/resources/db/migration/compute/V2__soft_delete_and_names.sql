-- Nova's soft delete on instances: deleted is 0 while live, the row's id once deleted
-- (deleted_at says when, as before). Index and key names take the suite's one scheme,
-- ix_<table>_<columns> and uq_<table>_<columns>.
ALTER TABLE instances ADD COLUMN deleted BIGINT DEFAULT 0 NOT NULL;
UPDATE instances SET deleted = id WHERE deleted_at IS NOT NULL;

DROP INDEX ix_instances_project;
DROP INDEX ix_instances_host;
CREATE INDEX ix_instances_project_id_deleted ON instances (project_id, deleted);
CREATE INDEX ix_instances_host_deleted ON instances (host, deleted);

ALTER TABLE volume_attachments RENAME CONSTRAINT uq_volume_attachments TO uq_volume_attachments_instance_uuid_volume_id;
