ALTER TYPE myschema.item_state RENAME TO item_status;
