CREATE TABLE "public"."hoge" (
  "foo" text,
  "bar" text
);

CREATE VIEW v AS
SELECT
  foo,
  'x' as changed
FROM hoge;
