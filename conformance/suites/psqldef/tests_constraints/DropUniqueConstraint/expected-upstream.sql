ALTER TABLE "public"."dummy" DROP CONSTRAINT "dummy_uniq";
