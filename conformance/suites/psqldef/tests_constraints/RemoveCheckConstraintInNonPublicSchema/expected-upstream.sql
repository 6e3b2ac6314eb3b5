ALTER TABLE "test"."dummy" DROP CONSTRAINT "dummy_max_value_check";
ALTER TABLE "test"."dummy" DROP CONSTRAINT "min_max";
