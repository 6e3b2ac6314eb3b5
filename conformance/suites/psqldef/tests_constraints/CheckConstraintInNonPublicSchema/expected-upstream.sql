ALTER TABLE "test"."dummy" ADD CHECK (max_value > 0);
ALTER TABLE "test"."dummy" ADD CONSTRAINT "min_max" CHECK (min_value < max_value);
