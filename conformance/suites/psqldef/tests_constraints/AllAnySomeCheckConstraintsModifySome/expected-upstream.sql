ALTER TABLE "public"."test_all_any" DROP CONSTRAINT "test_all_any_some_text_check";
ALTER TABLE "public"."test_all_any" ADD CHECK (some_text = ANY (ARRAY['updated', 'modified', 'changed']));
