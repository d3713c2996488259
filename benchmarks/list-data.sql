-- The list benchmark's data (issue 17): instances, volumes and ports spread evenly over
-- projects, written straight into the tables that app-compute, app-volume and
-- app-network created with their own migrations (start each app once on the database
-- first; benchmarks/list-data.sh does). Every NOT NULL column is filled and each port has
-- its network, subnet and fixed IP, so that the list APIs render every row.
--
--   psql -v projects=1000 -v instances=1000000 -v volumes=100000 -v ports=100000 -f benchmarks/list-data.sql
--
-- Project i (1..projects) is md5('project-' || i), its user md5('user-' || i): 32 hex
-- characters as Keystone's ids. Rows are spread round-robin, so every project owns about
-- instances/projects servers. Timestamps step back one second per row so that the
-- default order (created_at, then id) has no ties to speak of.
\set ON_ERROR_STOP on
\timing on

BEGIN;

INSERT INTO instances (uuid, name, hostname, project_id, user_id, host, flavor_id, flavor_name, vcpus, memory_mb,
		root_gb, image_ref, vm_state, power_state, availability_zone, created_at, updated_at, launched_at, deleted)
SELECT gen_random_uuid()::text, 'server-' || g, 'server-' || g, md5('project-' || (g % :projects + 1)),
		md5('user-' || (g % :projects + 1)), 'list-host-' || (g % 100), '1', 'm1.tiny', 1, 512, 1,
		'155d900f-4e14-4e4c-a73d-069cbf4541e6', 'active', 'running', 'nova',
		now() - g * INTERVAL '1 second', now() - g * INTERVAL '1 second', now() - g * INTERVAL '1 second', 0
FROM generate_series(1, :instances) AS g;

INSERT INTO volumes (id, project_id, user_id, host, backend, availability_zone, size_gb, status, display_name,
		description, bootable, created_at, updated_at, deleted)
SELECT gen_random_uuid()::text, md5('project-' || (g % :projects + 1)), md5('user-' || (g % :projects + 1)),
		'list-host@lvm#lvm', 'lvm', 'nova', 1, 'available', 'volume-' || g, '', FALSE,
		now() - g * INTERVAL '1 second', now() - g * INTERVAL '1 second', 0
FROM generate_series(1, :volumes) AS g;

-- one network with one /16 subnet per project: room for every port of the project
INSERT INTO networks (uuid, project_id, name, description, shared, external, admin_state_up, network_type,
		segmentation_id, bridge, created_at, updated_at)
SELECT gen_random_uuid()::text, md5('project-' || p), 'net-' || p, '', FALSE, FALSE, TRUE, 'vxlan', 100000 + p,
		'brq' || lpad(p::text, 11, '0'), now(), now()
FROM generate_series(1, :projects) AS p;

INSERT INTO subnets (uuid, network_id, project_id, name, description, cidr, gateway_ip, enable_dhcp,
		dns_nameservers, ip_version, created_at, updated_at)
SELECT gen_random_uuid()::text, n.id, n.project_id, 'subnet-' || n.id, '', '10.0.0.0/16', '10.0.0.1', TRUE, '',
		4, now(), now()
FROM networks n WHERE n.name LIKE 'net-%' AND n.bridge LIKE 'brq%';

-- port g belongs to project g % projects + 1, as the rows above; its address is the
-- port's rank within its project, from 10.0.1.0 on
INSERT INTO ports (uuid, network_id, project_id, name, description, mac_address, device_id, device_owner, host,
		admin_state_up, created_at, updated_at)
SELECT gen_random_uuid()::text, n.id, n.project_id, 'port-' || g, '',
		'fa:16:3e:' || lpad(to_hex((g >> 16) & 255), 2, '0') || ':' || lpad(to_hex((g >> 8) & 255), 2, '0') || ':'
			|| lpad(to_hex(g & 255), 2, '0'),
		'', '', NULL, TRUE, now() - g * INTERVAL '1 second', now() - g * INTERVAL '1 second'
FROM generate_series(1, :ports) AS g
JOIN networks n ON n.name = 'net-' || (g % :projects + 1) AND n.bridge LIKE 'brq%';

INSERT INTO fixed_ips (network_id, subnet_id, address, address_value, allocated, reserved, leased, port_id,
		updated_at)
SELECT p.network_id, s.id, '10.0.' || (256 + r.rank) / 256 || '.' || (256 + r.rank) % 256,
		(10 << 24) + 256 + r.rank, TRUE, FALSE, FALSE, p.id, now()
FROM (SELECT id, row_number() OVER (PARTITION BY network_id ORDER BY id) AS rank FROM ports
		WHERE name LIKE 'port-%') AS r
JOIN ports p ON p.id = r.id
JOIN subnets s ON s.network_id = p.network_id;

COMMIT;

ANALYZE instances;
ANALYZE volumes;
ANALYZE networks;
ANALYZE subnets;
ANALYZE ports;
ANALYZE fixed_ips;
