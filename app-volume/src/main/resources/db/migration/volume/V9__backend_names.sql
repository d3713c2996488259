-- The volume_backend_name each volume host reports with its capacity (Cinder's backend
-- capability), which a volume type's volume_backend_name extra spec asks for.
ALTER TABLE volume_capacities ADD COLUMN backend_name VARCHAR(255);
