CREATE INDEX alpha_things_name_idx ON alpha_things (name);
