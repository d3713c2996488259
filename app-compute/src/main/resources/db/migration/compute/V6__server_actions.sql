-- The server actions' state (docs/compute.md): Nova's lock (locked, locked_by 'owner' or
-- 'admin'), the flavor before a resize kept until it is confirmed or reverted (Nova's
-- old_flavor), and when a server was soft-deleted (Nova writes deleted_at; here deleted_at
-- means the row itself is deleted, and a soft-deleted server is a live row).
ALTER TABLE instances ADD COLUMN locked BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE instances ADD COLUMN locked_by VARCHAR(255);
ALTER TABLE instances ADD COLUMN old_flavor_id VARCHAR(255);
ALTER TABLE instances ADD COLUMN old_flavor_name VARCHAR(255);
ALTER TABLE instances ADD COLUMN old_vcpus INTEGER;
ALTER TABLE instances ADD COLUMN old_memory_mb INTEGER;
ALTER TABLE instances ADD COLUMN old_root_gb INTEGER;
ALTER TABLE instances ADD COLUMN old_flavor_extra_specs VARCHAR(16000);
ALTER TABLE instances ADD COLUMN soft_deleted_at TIMESTAMP WITH TIME ZONE;
