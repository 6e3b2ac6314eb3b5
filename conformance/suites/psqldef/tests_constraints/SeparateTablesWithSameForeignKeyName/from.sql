CREATE TABLE accounts (
  tenant_id integer NOT NULL,
  id integer NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (id)
);
CREATE TABLE payment_accounts (
  id integer PRIMARY KEY
);
CREATE TABLE orders (
  tenant_id integer,
  account_id integer,
  CONSTRAINT shared_fk
    FOREIGN KEY (tenant_id, account_id)
    REFERENCES accounts (tenant_id, id)
    ON UPDATE CASCADE
    ON DELETE RESTRICT
    DEFERRABLE INITIALLY DEFERRED
);
CREATE TABLE payments (
  account_id integer,
  CONSTRAINT shared_fk
    FOREIGN KEY (account_id)
    REFERENCES payment_accounts (id)
    ON UPDATE RESTRICT
    ON DELETE SET NULL
);
