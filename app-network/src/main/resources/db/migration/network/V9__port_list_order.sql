-- A project's ports in the list's order (the row id, Neutron's keyset): a page is read
-- from the index and stops at its end, instead of reading and sorting all the project's.
CREATE INDEX ix_ports_project_id_id ON ports (project_id, id);
-- the index above starts with the same column
DROP INDEX ix_ports_project_id;
