CREATE TABLE categories (
  category_id int NOT NULL,
  tenant_id int NOT NULL,
  name VARCHAR(100),
  PRIMARY KEY (tenant_id, category_id)
);
CREATE TABLE products (
  product_id int PRIMARY KEY,
  category_id int,
  tenant_id int,
  name VARCHAR(100),
  CONSTRAINT products_category_fk FOREIGN KEY (tenant_id, category_id)
    REFERENCES categories (tenant_id, category_id) ON DELETE CASCADE ON UPDATE CASCADE
);
