-- the security groups a server was booted in, changed by addSecurityGroup and
-- removeSecurityGroup, as a JSON list of names; NULL is the project's default group
ALTER TABLE instances ADD COLUMN security_groups VARCHAR(4000);
