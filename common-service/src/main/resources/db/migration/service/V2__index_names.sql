-- The suite's one naming scheme: indexes ix_<table>_<columns>, unique keys uq_<table>_<columns>.
ALTER INDEX services_topic_idx RENAME TO ix_services_topic_deleted;
ALTER TABLE services RENAME CONSTRAINT uniq_services_host_binary_deleted TO uq_services_host_binary_deleted;
ALTER TABLE services RENAME CONSTRAINT uniq_services_uuid TO uq_services_uuid;
