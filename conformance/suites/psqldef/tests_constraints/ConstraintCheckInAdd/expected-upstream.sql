ALTER TABLE "public"."products" ADD CHECK (status = ANY (ARRAY['active', 'inactive', 'pending']));
