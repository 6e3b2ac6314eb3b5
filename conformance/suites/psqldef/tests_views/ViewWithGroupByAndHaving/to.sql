CREATE TABLE users (
  id INT PRIMARY KEY
);
CREATE TABLE taggings (
  user_id INT NOT NULL REFERENCES users(id),
  tag TEXT NOT NULL
);
CREATE VIEW tag_counts AS
SELECT tag, COUNT(*) AS count
FROM taggings GROUP BY tag HAVING COUNT(*) > 1;
