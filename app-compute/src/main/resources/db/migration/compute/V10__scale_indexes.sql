-- The dead-host rule reads the building instances only (issue 17): without this index it
-- scanned every instance of the cloud on every compute host's periodic run.
CREATE INDEX ix_instances_vm_state_deleted ON instances (vm_state, deleted);
