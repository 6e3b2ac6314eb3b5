CREATE TABLE ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssx (
  a integer CHECK (a > 0)
);
CREATE TABLE ssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssssy (
  a integer CHECK (a > 0)
);
