-- Cinder's frozen flag of a volume backend (os-services/freeze, os-services/thaw): a row
-- per frozen volume host. The services table belongs to the starter; a frozen host is
-- nova-volume's own fact, and a row that exists or not makes freezing and thawing one
-- conditional statement each (the primary key refuses a second freeze).
CREATE TABLE frozen_backends (
    host       VARCHAR(255) NOT NULL PRIMARY KEY,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
