ALTER TABLE "public"."test" ADD CHECK (n1 = ANY (ARRAY[1, 2, 3]));
ALTER TABLE "public"."test" ADD CHECK (n2 = ALL (ARRAY[1, 2, 3]));
ALTER TABLE "public"."test" ADD CHECK (t1 = ANY (ARRAY['x', 'y']));
