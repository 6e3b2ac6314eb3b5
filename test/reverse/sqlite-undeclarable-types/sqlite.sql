-- Declared types TypeORM does not accept on SQLite: each is declared as the accepted type of the same affinity.
CREATE TABLE events (
  id integer PRIMARY KEY,
  at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  code CHAR(3),
  label character varying(20),
  payload,
  amount money,
  ratio float8
);
INSERT INTO events (id, at, code, label, payload, amount, ratio) VALUES
  (1, '2024-05-01 10:00:00', 'abc', 'first', x'00ff', 12.5, 0.25),
  (2, '2024-05-02 11:30:00', 'de', 'second', 'text payload', 7, NULL);
