CREATE TABLE "public"."hoge" (
    "id" bigserial NOT NULL,
    "foo" text NOT NULL DEFAULT ''::text,
    PRIMARY KEY ("id")
);

COMMENT ON TABLE public.hoge is 'hoge table';
COMMENT ON COLUMN public.hoge.id is 'hoge id';
COMMENT ON COLUMN public.hoge.foo is 'foo comment';
