ALTER TABLE "public"."a" DROP CONSTRAINT "a_a_id_check";
ALTER TABLE "public"."a" ADD CHECK (a_id > 3) NO INHERIT;
