-- The suite's one naming scheme: indexes ix_<table>_<columns>, unique keys uq_<table>_<columns>
-- (V1 named them <table>_<what>_uq and _idx). Runs on H2 and PostgreSQL alike.
ALTER TABLE networks RENAME CONSTRAINT networks_uuid_uq TO uq_networks_uuid;
ALTER TABLE networks RENAME CONSTRAINT networks_segment_uq TO uq_networks_network_type_segmentation_id;
ALTER TABLE networks RENAME CONSTRAINT networks_default_uq TO uq_networks_default_for_project;
ALTER TABLE subnets RENAME CONSTRAINT subnets_uuid_uq TO uq_subnets_uuid;
ALTER TABLE ports RENAME CONSTRAINT ports_uuid_uq TO uq_ports_uuid;
ALTER TABLE ports RENAME CONSTRAINT ports_mac_uq TO uq_ports_mac_address;
ALTER TABLE fixed_ips RENAME CONSTRAINT fixed_ips_address_uq TO uq_fixed_ips_network_id_address;
ALTER TABLE floating_ips RENAME CONSTRAINT floating_ips_uuid_uq TO uq_floating_ips_uuid;
ALTER TABLE floating_ips RENAME CONSTRAINT floating_ips_address_uq TO uq_floating_ips_address;
ALTER INDEX fixed_ips_free_idx RENAME TO ix_fixed_ips_subnet_id_allocated_reserved_address_value;
ALTER INDEX fixed_ips_instance_idx RENAME TO ix_fixed_ips_instance_uuid;
ALTER INDEX fixed_ips_port_idx RENAME TO ix_fixed_ips_port_id;
