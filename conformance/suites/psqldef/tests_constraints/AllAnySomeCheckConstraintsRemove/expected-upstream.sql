ALTER TABLE "public"."test_all_any" DROP CONSTRAINT "test_all_any_state_check";
ALTER TABLE "public"."test_all_any" DROP CONSTRAINT "test_all_any_all_positive_check";
ALTER TABLE "public"."test_all_any" DROP CONSTRAINT "test_all_any_some_text_check";
ALTER TABLE "public"."test_all_any" DROP CONSTRAINT "test_all_any_score_check";
