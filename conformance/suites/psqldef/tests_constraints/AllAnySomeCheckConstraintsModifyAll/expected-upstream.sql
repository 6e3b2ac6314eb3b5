ALTER TABLE "public"."test_all_any" DROP CONSTRAINT "test_all_any_all_positive_check";
ALTER TABLE "public"."test_all_any" ADD CHECK (all_positive = ALL (ARRAY[2, 3, 4]));
