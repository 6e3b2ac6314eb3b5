ALTER TABLE "public"."users" RENAME COLUMN "foo bar" TO "foobar";
