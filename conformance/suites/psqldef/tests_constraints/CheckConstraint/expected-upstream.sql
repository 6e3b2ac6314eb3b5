ALTER TABLE "public"."test" ADD CHECK (n1 = 0 or not n1 > 10 and n1 is not null);
ALTER TABLE "public"."test" ADD CONSTRAINT "chk" CHECK (n2 > 0);
ALTER TABLE "public"."test" ADD CHECK (n3 > 0) NO INHERIT;
ALTER TABLE "public"."test" ADD CHECK (t1 ~~ 'x');
ALTER TABLE "public"."test" ADD CHECK (t2 !~~ 'x');
ALTER TABLE "public"."test" ADD CHECK (t3 <> '');
ALTER TABLE "public"."test" ADD CHECK (t4 ~ '[0-9]');
ALTER TABLE "public"."test" ADD CHECK (d1 >= '2022-01-01');
ALTER TABLE "public"."test" ADD CHECK (d2 >= '2022-01-01');
