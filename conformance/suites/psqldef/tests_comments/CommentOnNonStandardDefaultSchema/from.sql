CREATE TABLE foo.users (
  id bigint
);
