CREATE TABLE some_table (
  v0 decimal(5, 2) DEFAULT 0.0,
  v1 decimal(5, 2) DEFAULT 1.2,
  v2 decimal(30, 20) DEFAULT  0.12345,
  v3 decimal(30, 20) DEFAULT '0.0000000000123456789'
);
