CREATE TABLE users (
  id INT PRIMARY KEY
);
CREATE TABLE taggings (
  user_id INT NOT NULL REFERENCES users(id),
  tag TEXT NOT NULL
);
CREATE VIEW tags AS
SELECT DISTINCT tag FROM taggings;
