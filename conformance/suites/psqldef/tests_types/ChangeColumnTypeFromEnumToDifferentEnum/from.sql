CREATE TYPE old_status AS ENUM ('a', 'b');
CREATE TABLE items (
  id bigint NOT NULL PRIMARY KEY,
  status old_status NOT NULL
);
