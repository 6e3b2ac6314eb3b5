CREATE TABLE some_table (
  v0 decimal(5, 2) DEFAULT 0.01,
  v1 decimal(5, 2) DEFAULT 1.23,
  v2 decimal(30, 20) DEFAULT  0.1234,
  v3 decimal(30, 20) DEFAULT '0.00000000001234567891'
);
