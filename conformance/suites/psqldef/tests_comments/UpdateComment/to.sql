CREATE TABLE "public"."hoge" (
  "id" bigserial NOT NULL,
  PRIMARY KEY ("id")
);
CREATE TABLE "public"."bar" (
  "id" bigserial NOT NULL,
  PRIMARY KEY ("id")
);

COMMENT ON TABLE public.hoge is 'hoge table updated';
COMMENT ON COLUMN public.hoge.id is 'hoge id updated';
COMMENT ON TABLE public.bar is 'bar table';
COMMENT ON COLUMN public.bar.id is 'bar id';
