ALTER DOMAIN "public"."positive_int" ADD CHECK (VALUE > 0);
