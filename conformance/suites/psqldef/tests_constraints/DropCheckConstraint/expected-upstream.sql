ALTER TABLE "public"."a" DROP CONSTRAINT "a_a_id_check";
