CREATE TABLE parent (
  "ParentId" int PRIMARY KEY
);
CREATE TABLE child (
  id int PRIMARY KEY,
  "ParentId" int,
  parent_code text
);
