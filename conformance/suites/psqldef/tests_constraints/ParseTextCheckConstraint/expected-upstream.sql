ALTER TABLE "public"."test" DROP CONSTRAINT "test_col_check";
