CREATE TABLE users (
  id integer PRIMARY KEY
);
CREATE TABLE taggings (
  user_id integer NOT NULL,
  tag text NOT NULL,
  CONSTRAINT taggings_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id)
);
