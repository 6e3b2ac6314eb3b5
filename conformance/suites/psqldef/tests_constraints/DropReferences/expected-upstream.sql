ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_id_fkey";
ALTER TABLE "public"."b" DROP CONSTRAINT "b_a_my_text_fkey";
