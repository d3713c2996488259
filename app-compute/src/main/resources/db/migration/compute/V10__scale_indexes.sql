-- The dead-host rule reads the building instances only (issue 17): without this index it
-- scanned every instance of the cloud on every compute host's periodic run.
CREATE INDEX ix_instances_vm_state_deleted ON instances (vm_state, deleted);

-- The scheduler's weight (free RAM, allocation ratio applied) kept on the node row and
-- indexed: the candidates are read in weight order and the read stops after a few, instead
-- of sorting every node of the cloud for each decision.
ALTER TABLE compute_nodes ADD COLUMN free_ram_mb DOUBLE PRECISION DEFAULT 0 NOT NULL;
UPDATE compute_nodes SET free_ram_mb = memory_mb * ram_allocation_ratio - memory_mb_used;
CREATE INDEX ix_compute_nodes_free_ram_mb_id ON compute_nodes (free_ram_mb, id);
