-- Keystone's account lockout (local_user.failed_auth_count and failed_auth_at): the
-- failed password attempts since the user's last successful login, and when the last one
-- was. Unlike Keystone's nullable count, 0 is the "no failures" value, so that a failure
-- is counted with one atomic "failed_auth_count + 1" on every database.
ALTER TABLE identity_users ADD COLUMN failed_auth_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE identity_users ADD COLUMN failed_auth_at TIMESTAMP WITH TIME ZONE;
