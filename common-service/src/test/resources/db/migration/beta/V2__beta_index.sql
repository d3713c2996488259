CREATE INDEX beta_things_name_idx ON beta_things (name);
