-- Cinder's volume host is "host@backend#pool": the service's host, the backend of that
-- host the volume lives on and the backend's pool. The host column stays the service's
-- host (it routes calls to the volume's manager); backend holds the "backend#pool" part.
-- Rows made before it have none, and show the bare host.
ALTER TABLE volumes ADD COLUMN backend VARCHAR(255);

-- Cinder's volumes.bootable: whether the volume holds an operating system to boot from.
ALTER TABLE volumes ADD COLUMN bootable BOOLEAN DEFAULT FALSE NOT NULL;
