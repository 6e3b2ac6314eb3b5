CREATE TYPE new_status AS ENUM ('a', 'b');
CREATE TABLE items (
  id bigint NOT NULL PRIMARY KEY,
  status new_status NOT NULL
);
