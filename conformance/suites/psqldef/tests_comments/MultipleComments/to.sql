CREATE TABLE "public"."hoge" (
  "id" bigserial NOT NULL,
  PRIMARY KEY ("id")
);
CREATE TABLE "public"."bar" (
  "id" bigserial NOT NULL,
  PRIMARY KEY ("id")
);

COMMENT ON COLUMN public.hoge.id is 'hoge id';
COMMENT ON COLUMN public.bar.id is 'bar id';
