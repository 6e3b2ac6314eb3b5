CREATE TABLE "public"."hoge" (
  "foo" text,
  "bar" text
);

CREATE VIEW v AS
SELECT
  foo,
  bar,
  'x' as added
 FROM hoge;
