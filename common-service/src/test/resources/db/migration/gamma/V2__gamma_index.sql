CREATE INDEX gamma_things_name_idx ON gamma_things (name);
