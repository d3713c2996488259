-- Nova's soft delete for volumes and snapshots, as every soft-deleted table of the suite
-- has it: deleted is 0 while the row is live and non-zero once it is deleted (1 here: the
-- rows are keyed by a uuid, not by an integer id of their own), instead of a boolean.
-- And the suite's one naming scheme for indexes, ix_<table>_<columns>.
--
-- Written for H2 and PostgreSQL alike: a new column, filled from the old one, which is
-- dropped with its indexes (both include it) before the new one takes its name. The
-- indexes are made again on the new column under their new names; renaming them would
-- not do, since dropping the old column would drop them (PostgreSQL) or be refused (H2).

ALTER TABLE volumes ADD COLUMN deleted_marker BIGINT DEFAULT 0 NOT NULL;
UPDATE volumes SET deleted_marker = 1 WHERE deleted = TRUE;
DROP INDEX volumes_project_idx;
DROP INDEX volumes_host_idx;
ALTER TABLE volumes DROP COLUMN deleted;
ALTER TABLE volumes RENAME COLUMN deleted_marker TO deleted;
CREATE INDEX ix_volumes_project_id_deleted ON volumes (project_id, deleted);
CREATE INDEX ix_volumes_host_deleted ON volumes (host, deleted);

ALTER TABLE snapshots ADD COLUMN deleted_marker BIGINT DEFAULT 0 NOT NULL;
UPDATE snapshots SET deleted_marker = 1 WHERE deleted = TRUE;
DROP INDEX snapshots_project_idx;
DROP INDEX snapshots_volume_idx;
DROP INDEX snapshots_host_idx;
ALTER TABLE snapshots DROP COLUMN deleted;
ALTER TABLE snapshots RENAME COLUMN deleted_marker TO deleted;
CREATE INDEX ix_snapshots_project_id_deleted ON snapshots (project_id, deleted);
CREATE INDEX ix_snapshots_volume_id_deleted ON snapshots (volume_id, deleted);
CREATE INDEX ix_snapshots_host_deleted ON snapshots (host, deleted);
