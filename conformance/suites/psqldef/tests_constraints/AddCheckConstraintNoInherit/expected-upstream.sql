ALTER TABLE "public"."a" ADD CHECK (a_id > 2) NO INHERIT;
