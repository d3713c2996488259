-- The suite's one naming scheme: indexes ix_<table>_<columns>, unique keys uq_<table>_<columns>.
ALTER TABLE identity_domains RENAME CONSTRAINT uniq_identity_domains_name TO uq_identity_domains_name;
ALTER TABLE identity_projects RENAME CONSTRAINT uniq_identity_projects_domain_name TO uq_identity_projects_domain_name;
ALTER TABLE identity_users RENAME CONSTRAINT uniq_identity_users_domain_name TO uq_identity_users_domain_name;
ALTER TABLE identity_roles RENAME CONSTRAINT uniq_identity_roles_name TO uq_identity_roles_name;
