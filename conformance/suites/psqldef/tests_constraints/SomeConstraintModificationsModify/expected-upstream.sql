ALTER TABLE "public"."test_some_modify" DROP CONSTRAINT "test_some_modify_status_check";
ALTER TABLE "public"."test_some_modify" DROP CONSTRAINT "test_some_modify_category_check";
ALTER TABLE "public"."test_some_modify" ADD CHECK (status = ANY (ARRAY['active', 'completed', 'archived']));
ALTER TABLE "public"."test_some_modify" ADD CHECK (category = ANY (ARRAY['X', 'Y', 'Z']));
